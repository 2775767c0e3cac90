// Checks an email and password. Unknown email and wrong password get the same answer, in the same
// time. Three throttles, all in the database:
// - per account and IP (tight): stops guessing one account from one place, and lets nobody else
//   lock the owner out by failing on purpose from elsewhere;
// - per account (loose): stops guessing one account from many addresses;
// - per IP: stops one address trying many accounts.
import { prisma } from "@/lib/db";
import { clearRateLimit, hitRateLimit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import { verifyAgainstDummy, verifyPassword } from "./password";
import type { SignInInput } from "./schemas";

const WINDOW = 15 * 60;

export const SIGN_IN_LIMITS = {
  perAccountAndIp: { limit: 5, windowSeconds: WINDOW },
  perAccount: { limit: 50, windowSeconds: WINDOW },
  perIp: { limit: 30, windowSeconds: WINDOW },
} satisfies Record<string, RateLimitRule>;

export type AuthenticationResult =
  | { ok: true; user: { id: string; email: string; name: string | null; role: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export async function authenticateWithPassword(input: SignInInput, clientIp: string): Promise<AuthenticationResult> {
  const accountAndIpKey = `sign-in:account-ip:${input.email}:${clientIp}`;
  const checks = await Promise.all([
    hitRateLimit(accountAndIpKey, SIGN_IN_LIMITS.perAccountAndIp),
    hitRateLimit(`sign-in:account:${input.email}`, SIGN_IN_LIMITS.perAccount),
    hitRateLimit(`sign-in:ip:${clientIp}`, SIGN_IN_LIMITS.perIp),
  ]);
  const blocked = checks.filter((check) => !check.allowed);
  if (blocked.length > 0) {
    return {
      ok: false,
      reason: "throttled",
      retryAfterSeconds: Math.max(...blocked.map((check) => check.retryAfterSeconds)),
    };
  }

  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: { id: true, email: true, name: true, role: true, passwordHash: true },
  });
  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  if (!user || !valid) return { ok: false, reason: "invalid" };

  await clearRateLimit(accountAndIpKey);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role } };
}
