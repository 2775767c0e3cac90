// Starts an email change: a single-use link to the NEW address, a notice to the current one. An address
// already in use gets the same answer and its owner a notice, so the requester learns nothing about
// who else is a client, and their own trail is the same either way.
import { randomUUID } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { getEnv } from "@/lib/env";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import {
  emailChangeAddressInUseMessage,
  emailChangeConfirmMessage,
  emailChangeRequestedMessage,
} from "@/lib/notifications/templates/account-messages";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import type { EmailChangeInput } from "./account-schemas";
import { accountLinkUrl } from "./account-link-url";
import { hashAccountToken, issueAccountToken } from "./account-tokens";
import { verifyCurrentPassword, type ReauthResult } from "./verify-current-password";

// Each request sends mail to an address the requester chooses: a few an hour is plenty.
export const EMAIL_CHANGE_LIMIT: RateLimitRule = { limit: 5, windowSeconds: 60 * 60 };

export type RequestEmailChangeResult =
  { ok: true } | { ok: false; reason: "same_email" } | Extract<ReauthResult, { ok: false }>;

export async function requestEmailChange(input: EmailChangeInput, userId: string): Promise<RequestEmailChangeResult> {
  const reauth = await verifyCurrentPassword(userId, input.currentPassword);
  if (!reauth.ok) return reauth;
  const throttle = await hitRateLimit(`email-change:user:${userId}`, EMAIL_CHANGE_LIMIT);
  if (!throttle.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };

  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { email: true, name: true } });
  if (user.email === input.newEmail) return { ok: false, reason: "same_email" };
  const requestId = randomUUID();

  // Rendered before the transaction opens: a transaction holds locks, not I/O.
  const requestedNotice = await emailChangeRequestedMessage({ name: user.name, newEmail: input.newEmail });
  // Without a name: rendered for whoever holds the address, before we know who that is.
  const inUseNotice = await emailChangeAddressInUseMessage({
    name: null,
    signInLink: new URL("/sign-in", getEnv().APP_URL).toString(),
  });

  try {
    await runTransaction(prisma, async (tx) => {
      const owner = await tx.user.findUnique({
        where: { email: input.newEmail },
        select: { id: true, disabledAt: true },
      });
      if (!owner) {
        const token = await issueAccountToken(tx, { userId, purpose: "EMAIL_CHANGE", newEmail: input.newEmail });
        await enqueueEmail(tx, {
          toAddress: input.newEmail,
          ...(await emailChangeConfirmMessage({
            name: user.name,
            newEmail: input.newEmail,
            link: accountLinkUrl("EMAIL_CHANGE", token),
          })),
          template: "account-email-change-confirm",
          // No userId: until the link is followed, this message is the new address's, not the
          // requester's. Listed among the requester's messages, it would show which addresses were free.
          dedupeKey: `account-email-change-confirm:${hashAccountToken(token)}`,
        });
      } else if (!owner.disabledAt) {
        // The owner's notice, among the owner's messages: nothing of it reaches the requester.
        await enqueueEmail(tx, {
          toAddress: input.newEmail,
          ...inUseNotice,
          template: "account-email-change-address-in-use",
          userId: owner.id,
          dedupeKey: `account-email-change-address-in-use:${owner.id}:${requestId}`,
        });
      }
      await enqueueEmail(tx, {
        toAddress: user.email,
        ...requestedNotice,
        template: "account-email-change-requested",
        userId,
        dedupeKey: `account-email-change-requested:${userId}:${requestId}`,
      });
      // The same entry either way, and without the address: the client reads their own audit trail.
      await recordAudit(tx, {
        actorId: userId,
        action: "user.email_change_requested",
        entityType: "User",
        entityId: userId,
      });
    });
  } catch (error) {
    // Two requests at once: the other one's link was just issued.
    if (!isUniqueViolation(error)) throw error;
  }
  return { ok: true };
}
