// Checks an email and password, throttled per account and per client IP. Unknown email and wrong
// password get the same answer, in the same time.
import { prisma } from "@/lib/db";
import { clearRateLimit, hitRateLimit, type RateLimitRule } from "./rate-limit";
import { verifyAgainstDummy, verifyPassword } from "./password";
import type { SignInInput } from "./schemas";

export const SIGN_IN_LIMITS = {
  perAccount: { limit: 5, windowSeconds: 15 * 60 },
  perIp: { limit: 30, windowSeconds: 15 * 60 },
} satisfies Record<string, RateLimitRule>;

export type AuthenticationResult =
  | { ok: true; user: { id: string; email: string; name: string | null; role: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function authenticateWithPassword(input: SignInInput, clientIp: string): Promise<AuthenticationResult> {
  const accountKey = `sign-in:account:${input.email}`;
  const [account, ip] = await Promise.all([
    hitRateLimit(accountKey, SIGN_IN_LIMITS.perAccount),
    hitRateLimit(`sign-in:ip:${clientIp}`, SIGN_IN_LIMITS.perIp),
  ]);
  if (!account.allowed || !ip.allowed) {
    const waits = [account, ip].filter((result) => !result.allowed).map((result) => result.retryAfterSeconds);
    return { ok: false, reason: "throttled", retryAfterSeconds: Math.max(...waits) };
  }

  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !valid) return { ok: false, reason: "invalid" };

  await clearRateLimit(accountKey);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
