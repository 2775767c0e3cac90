// Checks an email and password. Unknown email and wrong password get the same answer, in the same
// time, so sign-in never tells a stranger whether an account exists. The throttles, all in the
// database, and the second factor are described at authenticateWithPassword.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { randomUUID } from "node:crypto";
import { runTransaction } from "@/lib/db/transaction";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { twoFactorPausedMessage } from "@/lib/notifications/templates/account-messages";
import { clearRateLimit, hitRateLimit, type RateLimitRule } from "@/lib/rate-limit/rate-limit";
import { issueKnownDeviceToken, readKnownDeviceToken } from "./known-device";
import { verifyAgainstDummy, verifyPassword } from "./password";
import { replaceLegacyRecoveryCodes } from "./replace-legacy-recovery-codes";
import type { SignInInput } from "./schemas";
import { verifySecondFactor, type SecondFactor } from "./two-factor";

const WINDOW = 15 * 60;

export const SIGN_IN_LIMITS = {
  perAccountAndIp: { limit: 5, windowSeconds: WINDOW },
  perAccount: { limit: 50, windowSeconds: WINDOW },
  perKnownDevice: { limit: 10, windowSeconds: WINDOW },
  perIp: { limit: 30, windowSeconds: WINDOW },
} satisfies Record<string, RateLimitRule>;

export const TWO_FACTOR_LIMIT = { limit: 5, windowSeconds: WINDOW } satisfies RateLimitRule;

// The audit entity for a sign-in attempt on an email that has no account: the email itself would
// put whatever strangers type into a log that staff read.
export const UNKNOWN_ACCOUNT = "unknown";

export interface SignInContext {
  clientIp: string;
  /** The known-device cookie the browser sent, if any. */
  knownDeviceToken?: string | undefined;
}

export type AuthenticationResult =
  | {
      ok: true;
      user: { id: string; email: string; name: string | null; role: string };
      /** A fresh known-device token for this browser's cookie. */
      knownDeviceToken: string;
    }
  | { ok: false; reason: "invalid" }
  /** The password was right; the account also needs a code from its authenticator app. */
  | { ok: false; reason: "second_factor_required" }
  | { ok: false; reason: "second_factor_invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

interface Counter {
  name: "account_ip" | "account" | "known_device" | "ip";
  key: string;
  rule: RateLimitRule;
}

// Throttles, all in the database:
// - per account and IP (tight): stops guessing one account from one place;
// - per account (loose): stops guessing one account from many addresses. A stranger can exhaust
//   it on purpose, so a browser that has signed in to the account before (a "known device",
//   lib/auth/known-device.ts) is exempt from it and has a budget of its own instead: the owner
//   keeps getting in while a spread-out attack goes on;
// - per IP: stops one address trying many accounts. It is checked first: an address over its
//   limit no longer counts against the accounts it names.
// Sign-in successes, failures and the start of a throttle are written to the audit log.
// A disabled account gets the same answer as a wrong password, and so does a client whose address
// was never confirmed: otherwise signing in with the password just typed at sign-up would tell a
// stranger whether that address already had an account (register-client.ts). An account with
// two-factor sign-in on needs a current code from its app (or a recovery code) as well: each try
// with a code goes through the same throttles as a password, and wrong codes have a budget of their
// own per account: after TWO_FACTOR_LIMIT of them, two-factor sign-in to that account pauses for the
// window and the staff member is emailed (someone has their password). Without it, a
// password-holder could try about 4,800 codes a day inside the password budget. A staff member who
// still has recovery codes of the first, weak kind has them replaced at sign-in (see
// replace-legacy-recovery-codes.ts).
export async function authenticateWithPassword(
  input: SignInInput,
  { clientIp, knownDeviceToken }: SignInContext,
): Promise<AuthenticationResult> {
  const user = await prisma.user.findUnique({
    where: { email: input.email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      passwordHash: true,
      disabledAt: true,
      emailVerified: true,
      totpEnabledAt: true,
    },
  });
  const device = user ? readKnownDeviceToken(knownDeviceToken) : null;
  const knownDevice = device !== null && device.userId === user?.id ? device : null;

  const ipCounter: Counter = { name: "ip", key: `sign-in:ip:${clientIp}`, rule: SIGN_IN_LIMITS.perIp };
  const accountCounters: Counter[] = [
    { name: "account_ip", key: `sign-in:account-ip:${input.email}:${clientIp}`, rule: SIGN_IN_LIMITS.perAccountAndIp },
    knownDevice
      ? {
          name: "known_device",
          key: `sign-in:device:${knownDevice.userId}:${knownDevice.issuedAt}`,
          rule: SIGN_IN_LIMITS.perKnownDevice,
        }
      : { name: "account", key: `sign-in:account:${input.email}`, rule: SIGN_IN_LIMITS.perAccount },
  ];
  // The address first: once it is over its limit, its attempts stop here and no longer count
  // against the accounts they name, so one address cannot keep any number of owners locked out.
  const ipCheck = await hitRateLimit(ipCounter.key, ipCounter.rule);
  const counters = ipCheck.allowed ? [ipCounter, ...accountCounters] : [ipCounter];
  const checks = ipCheck.allowed
    ? [ipCheck, ...(await Promise.all(accountCounters.map((counter) => hitRateLimit(counter.key, counter.rule))))]
    : [ipCheck];
  const blocked = counters.flatMap((counter, index) => {
    const check = checks[index];
    return check && !check.allowed ? [{ counter, check }] : [];
  });
  const entityId = user?.id ?? UNKNOWN_ACCOUNT;

  if (blocked.length > 0) {
    // One entry when a throttle starts refusing, not one per refusal: refusals are cheap to send.
    const started = blocked.filter(({ counter, check }) => check.hits === counter.rule.limit + 1);
    if (started.length > 0) {
      await recordAudit(prisma, {
        actorId: null,
        action: "user.sign_in_throttled",
        entityType: "User",
        entityId,
        data: { ip: clientIp, throttles: started.map(({ counter }) => counter.name) },
      });
    }
    return {
      ok: false,
      reason: "throttled",
      retryAfterSeconds: Math.max(...blocked.map(({ check }) => check.retryAfterSeconds)),
    };
  }

  const valid = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : await verifyAgainstDummy(input.password);
  // Staff confirm their address by accepting the invitation; only sign-up makes unconfirmed accounts.
  const unconfirmed = user?.role === "CLIENT" && user.emailVerified === null;
  if (!user || !valid || user.disabledAt || unconfirmed) {
    await recordAudit(prisma, {
      actorId: null,
      action: "user.sign_in_failed",
      entityType: "User",
      entityId,
      data: !valid
        ? { ip: clientIp }
        : user?.disabledAt
          ? { ip: clientIp, disabled: true }
          : { ip: clientIp, unconfirmed: true },
    });
    return { ok: false, reason: "invalid" };
  }

  let secondFactor: SecondFactor | null = null;
  if (user.totpEnabledAt) {
    if (!input.code) return { ok: false, reason: "second_factor_required" };
    // Counted before the code is checked, in one atomic statement: tries sent side by side cannot
    // all pass a check made before any of them was counted. A right code gives the try back.
    const codeBudgetKey = `two-factor:account:${user.id}`;
    const spent = await hitRateLimit(codeBudgetKey, TWO_FACTOR_LIMIT);
    if (!spent.allowed) return { ok: false, reason: "throttled", retryAfterSeconds: spent.retryAfterSeconds };
    secondFactor = await verifySecondFactor(user.id, input.code);
    if (!secondFactor) {
      await recordAudit(prisma, {
        actorId: null,
        action: "user.sign_in_failed",
        entityType: "User",
        entityId,
        data: { ip: clientIp, secondFactor: true },
      });
      if (spent.hits === TWO_FACTOR_LIMIT.limit) await pauseTwoFactor(user, clientIp);
      return { ok: false, reason: "second_factor_invalid" };
    }
    await clearRateLimit(codeBudgetKey);
  }

  // A success resets the counters of this account that it used. Not the per-IP one: signing in to
  // one's own account between guesses would otherwise reset an address's budget for spraying others.
  await Promise.all(counters.filter((counter) => counter.name !== "ip").map((counter) => clearRateLimit(counter.key)));
  await recordAudit(prisma, {
    actorId: user.id,
    action: "user.sign_in",
    entityType: "User",
    entityId: user.id,
    data: { ip: clientIp, knownDevice: knownDevice !== null, ...(secondFactor ? { secondFactor } : {}) },
  });
  // Weak recovery codes from before are replaced now that their owner is here to be told.
  if (user.totpEnabledAt) await replaceLegacyRecoveryCodes(user);
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    knownDeviceToken: issueKnownDeviceToken(user.id),
  };
}

/** The wrong-code budget just ran out: recorded, and the account's owner is told at once. */
async function pauseTwoFactor(user: { id: string; email: string; name: string | null }, clientIp: string) {
  const message = await twoFactorPausedMessage({ name: user.name, minutes: TWO_FACTOR_LIMIT.windowSeconds / 60 });
  await runTransaction(prisma, async (tx) => {
    await recordAudit(tx, {
      actorId: null,
      action: "user.two_factor_paused",
      entityType: "User",
      entityId: user.id,
      data: { ip: clientIp },
    });
    await enqueueEmail(tx, {
      toAddress: user.email,
      ...message,
      template: "account-two-factor-paused",
      userId: user.id,
      dedupeKey: `account-two-factor-paused:${user.id}:${randomUUID()}`,
    });
  });
}
