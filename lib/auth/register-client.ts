// Creates an unconfirmed CLIENT account with its confirmation link. An address already in use gets
// the same answer (its owner a notice instead), so the form never tells a stranger who is a client;
// sign-ups are throttled per IP because each costs an argon2 hash and a message.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { getEnv } from "@/lib/env";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { signUpAttemptMessage } from "@/lib/notifications/templates/account-messages";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import { randomUUID } from "node:crypto";
import { hashPassword } from "./password";
import { enqueueEmailVerification } from "./send-email-verification";
import type { SignUpInput } from "./schemas";

export const SIGN_UP_LIMIT = { limit: 10, windowSeconds: 60 * 60 };
// Strangers on many networks could otherwise fill one owner's mailbox with "someone tried" notices.
export const SIGN_UP_NOTICE_LIMIT: RateLimitRule = { limit: 3, windowSeconds: 60 * 60 };

export type RegistrationResult = { ok: true } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export interface RegistrationOptions {
  /**
   * Runs the hash, the account's creation or the owner's notice after the answer has gone (the Server
   * Action passes Next's `after`), so a free and a taken address take the same time to answer: only
   * the throttle, touched for both, is on the request's path. Without it, the work runs inline.
   */
  defer?: (work: () => Promise<void>) => void;
  /** A same-site path the confirmation link brings the new client back to (a booking in progress). */
  returnTo?: string | undefined;
}

export async function registerClient(
  input: SignUpInput,
  clientIp: string,
  options: RegistrationOptions = {},
): Promise<RegistrationResult> {
  const throttle = await hitRateLimit(`sign-up:ip:${clientIp}`, SIGN_UP_LIMIT);
  if (!throttle.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };
  if (options.defer) {
    options.defer(() =>
      createAccountOrTellOwner(input, clientIp, options.returnTo).catch((error: unknown) => {
        console.error("[auth] a sign-up could not be completed", error instanceof Error ? error.name : "");
      }),
    );
    return { ok: true };
  }
  await createAccountOrTellOwner(input, clientIp, options.returnTo);
  return { ok: true };
}

async function createAccountOrTellOwner(input: SignUpInput, clientIp: string, returnTo: string | undefined) {
  // Hashed whether or not the address is free: the costly step must not happen for one answer only.
  const passwordHash = await hashPassword(input.password);
  try {
    // The account, its audit entry and its confirmation link commit together, or not at all.
    await runTransaction(prisma, async (tx) => {
      const created = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, role: "CLIENT" },
        select: { id: true, email: true, name: true },
      });
      await recordAudit(tx, { actorId: created.id, action: "user.sign_up", entityType: "User", entityId: created.id });
      await enqueueEmailVerification(tx, created, { returnTo });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    await tellOwnerOfSignUpAttempt(input.email, clientIp);
  }
}

/** The address has an account: its owner hears that someone tried, with the ways back in. */
async function tellOwnerOfSignUpAttempt(email: string, clientIp: string): Promise<void> {
  const owner = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, emailVerified: true, disabledAt: true },
  });
  // A disabled account gets no notice: neither signing in nor a reset would let it in.
  if (!owner || owner.disabledAt) return;
  const notices = await hitRateLimit(`sign-up-notice:user:${owner.id}`, SIGN_UP_NOTICE_LIMIT);
  if (!notices.allowed) return;
  const { APP_URL } = getEnv();
  const message = await signUpAttemptMessage({
    // An address never confirmed hears no name: whoever signed up with it first chose that name.
    name: owner.emailVerified ? owner.name : null,
    signInLink: new URL("/sign-in", APP_URL).toString(),
    resetLink: new URL("/forgot-password", APP_URL).toString(),
  });
  await runTransaction(prisma, async (tx) => {
    await enqueueEmail(tx, {
      toAddress: owner.email,
      ...message,
      template: "account-sign-up-attempt",
      userId: owner.id,
      dedupeKey: `account-sign-up-attempt:${owner.id}:${randomUUID()}`,
    });
    await recordAudit(tx, {
      actorId: null,
      action: "user.sign_up_address_in_use",
      entityType: "User",
      entityId: owner.id,
      data: { ip: clientIp },
    });
  });
}
