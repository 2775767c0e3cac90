// "Forgot password?": emails a single-use link (1 hour) to the account with that address. The answer
// is the same whether or not the address has an account, and so is the work done for it, as far as
// the caller can tell; only a throttled request is told to wait. Throttled per IP (one address
// trying many emails) and per email (one mailbox flooded with links).
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { passwordResetMessage } from "@/lib/notifications/templates/account-messages";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import type { ForgotPasswordInput } from "./account-schemas";
import { accountLinkUrl } from "./account-link-url";
import { hashAccountToken, issueAccountToken } from "./account-tokens";

export const PASSWORD_RESET_LIMITS = {
  perIp: { limit: 10, windowSeconds: 60 * 60 },
  perEmail: { limit: 3, windowSeconds: 60 * 60 },
} satisfies Record<string, RateLimitRule>;

export type PasswordResetRequestResult = { ok: true } | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export interface PasswordResetOptions {
  /**
   * Runs the lookup and the link's issue after the answer has gone (the Server Action passes Next's
   * `after`), so a known and an unknown address take the same time to answer: only the throttle
   * counters, touched for both, are on the request's path. Without it, the work runs inline.
   */
  defer?: (work: () => Promise<void>) => void;
}

export async function requestPasswordReset(
  input: ForgotPasswordInput,
  clientIp: string,
  options: PasswordResetOptions = {},
): Promise<PasswordResetRequestResult> {
  const perIp = await hitRateLimit(`password-reset:ip:${clientIp}`, PASSWORD_RESET_LIMITS.perIp);
  if (!perIp.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: perIp.retryAfterSeconds };
  const perEmail = await hitRateLimit(`password-reset:email:${input.email}`, PASSWORD_RESET_LIMITS.perEmail);
  if (!perEmail.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: perEmail.retryAfterSeconds };

  if (options.defer) {
    options.defer(() =>
      issuePasswordResetLink(input.email, clientIp).catch((error: unknown) => {
        console.error("[auth] a password-reset link could not be issued", error instanceof Error ? error.name : "");
      }),
    );
    return { ok: true };
  }
  await issuePasswordResetLink(input.email, clientIp);
  return { ok: true };
}

async function issuePasswordResetLink(email: string, clientIp: string): Promise<void> {
  const user = await prisma.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, emailVerified: true, disabledAt: true, deletedAt: true },
  });
  // A disabled or deleted account gets no link: a new password would not let it in.
  if (!user || user.disabledAt || user.deletedAt) return;

  try {
    await runTransaction(prisma, async (tx) => {
      const token = await issueAccountToken(tx, { userId: user.id, purpose: "PASSWORD_RESET" });
      const message = await passwordResetMessage({
        // An address never confirmed hears no name: whoever signed up with it chose that name.
        name: user.emailVerified ? user.name : null,
        link: accountLinkUrl("PASSWORD_RESET", token),
      });
      await enqueueEmail(tx, {
        toAddress: user.email,
        ...message,
        template: "account-password-reset",
        userId: user.id,
        dedupeKey: `account-password-reset:${hashAccountToken(token)}`,
      });
      await recordAudit(tx, {
        actorId: null,
        action: "user.password_reset_requested",
        entityType: "User",
        entityId: user.id,
        data: { ip: clientIp },
      });
    });
  } catch (error) {
    // Two requests at the same moment: the other one's link was just issued and sent.
    if (!isUniqueViolation(error)) throw error;
  }
}
