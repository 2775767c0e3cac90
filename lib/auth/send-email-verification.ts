// Email verification for a new account: a single-use link (7 days) to the account's address. Sign-up
// enqueues it in its own transaction; the account's "send the link again" asks for a fresh one
// (replacing the last), throttled per account. A client signs in only once their address is
// confirmed (authenticate.ts); a session from before that rule keeps booking and sees the reminder.
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { emailVerificationMessage } from "@/lib/notifications/templates/account-messages";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import { accountLinkUrl } from "./account-link-url";
import { hashAccountToken, issueAccountToken } from "./account-tokens";

export const RESEND_VERIFICATION_LIMIT: RateLimitRule = { limit: 3, windowSeconds: 60 * 60 };

type VerificationWriter = Pick<Prisma.TransactionClient, "accountToken" | "emailOutbox">;

/** Issues a link and writes its message, with the caller's transaction client. */
export async function enqueueEmailVerification(
  tx: VerificationWriter,
  user: { id: string; email: string; name: string | null },
  { returnTo }: { returnTo?: string | undefined } = {},
): Promise<void> {
  const token = await issueAccountToken(tx, { userId: user.id, purpose: "EMAIL_VERIFICATION" });
  await enqueueEmail(tx, {
    toAddress: user.email,
    ...(await emailVerificationMessage({
      name: user.name,
      link: accountLinkUrl("EMAIL_VERIFICATION", token, returnTo),
    })),
    template: "account-email-verification",
    userId: user.id,
    dedupeKey: `account-email-verification:${hashAccountToken(token)}`,
  });
}

export type ResendVerificationResult =
  | { ok: true }
  | { ok: false; reason: "already_verified" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function sendEmailVerification(userId: string): Promise<ResendVerificationResult> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, email: true, name: true, emailVerified: true },
  });
  if (user.emailVerified) return { ok: false, reason: "already_verified" };
  const throttle = await hitRateLimit(`email-verification:user:${userId}`, RESEND_VERIFICATION_LIMIT);
  if (!throttle.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };
  try {
    await runTransaction(prisma, async (tx) => {
      await enqueueEmailVerification(tx, user);
      await recordAudit(tx, {
        actorId: userId,
        action: "user.email_verification_sent",
        entityType: "User",
        entityId: userId,
      });
    });
  } catch (error) {
    // A double click: the other request's link was just issued and sent.
    if (!isUniqueViolation(error)) throw error;
  }
  return { ok: true };
}

/** Whether the account's current address has been confirmed (the account layout's reminder). */
export async function isEmailVerified(userId: string): Promise<boolean> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { emailVerified: true } });
  return user?.emailVerified != null;
}
