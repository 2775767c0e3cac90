// Re-authentication before a sensitive change (email, password): the account's current password,
// throttled per account so a borrowed, signed-in browser cannot be used to guess it.
import { prisma } from "@/lib/db";
import { hitRateLimit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import { verifyPassword } from "./password";

export const REAUTH_LIMIT: RateLimitRule = { limit: 10, windowSeconds: 15 * 60 };

/** The per-account budget every re-authentication shares (password or two-factor code). */
export const reauthThrottleKey = (userId: string) => `reauth:user:${userId}`;

export type ReauthResult =
  { ok: true } | { ok: false; reason: "wrong_password" | "throttled"; retryAfterSeconds?: number };

export async function verifyCurrentPassword(userId: string, password: string): Promise<ReauthResult> {
  const throttle = await hitRateLimit(reauthThrottleKey(userId), REAUTH_LIMIT);
  if (!throttle.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: throttle.retryAfterSeconds };
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { passwordHash: true } });
  const valid = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : false;
  return valid ? { ok: true } : { ok: false, reason: "wrong_password" };
}
