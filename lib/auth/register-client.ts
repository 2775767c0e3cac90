// Creates a client account, with the emailed link that confirms its address (send-email-verification.ts).
// A taken email is reported as a field error on the form; the account itself is created with the
// CLIENT role only (staff are made by an admin, never by sign-up).
// Sign-ups are throttled per IP: each one costs an argon2 hash, and the "email taken" answer must
// not become a cheap way to test which addresses are the clinic's clients.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { hashPassword } from "./password";
import { enqueueEmailVerification } from "./send-email-verification";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";
import type { SignUpInput } from "./schemas";

export const SIGN_UP_LIMIT = { limit: 10, windowSeconds: 60 * 60 };

export type RegistrationResult =
  | { ok: true; userId: string }
  | { ok: false; reason: "email_taken" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function registerClient(input: SignUpInput, clientIp: string): Promise<RegistrationResult> {
  const throttle = await hitRateLimit(`sign-up:ip:${clientIp}`, SIGN_UP_LIMIT);
  if (!throttle.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };
  const passwordHash = await hashPassword(input.password);
  try {
    // The account and its audit entry commit together: no account without its record, or the reverse.
    const user = await runTransaction(prisma, async (tx) => {
      const created = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, role: "CLIENT" },
        select: { id: true, email: true, name: true },
      });
      await recordAudit(tx, { actorId: created.id, action: "user.sign_up", entityType: "User", entityId: created.id });
      // The verification link goes out with the account, or not at all.
      await enqueueEmailVerification(tx, created);
      return created;
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "email_taken" };
    throw error;
  }
}
