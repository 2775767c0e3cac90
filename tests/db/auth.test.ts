// Accounts and sign-in: argon2id hashes, one answer for unknown email and wrong password,
// throttles that live in the database, and server-side sessions that sign-out really ends.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { authenticateWithPassword, SIGN_IN_LIMITS, UNKNOWN_ACCOUNT } from "@/lib/auth/authenticate";
import { issueKnownDeviceToken } from "@/lib/auth/known-device";
import { registerClient, SIGN_UP_LIMIT } from "@/lib/auth/register-client";
import { CLIENT_SESSION_LIMITS, STAFF_SESSION_LIMITS } from "@/lib/auth/session-policy";
import {
  createSessionRecord,
  endSession,
  findSessionUser,
  pruneExpiredSessions,
  revokeAllSessions,
  revokeSession,
} from "@/lib/auth/sessions";
import { createUser, uniqueEmail } from "../support/factories";
import { ENGINE } from "../support/db-setup";

const PASSWORD = "lantern-ferry-orchard";
let ipCounter = 0;
const uniqueIp = () => `198.51.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}-${Date.now() % 100000}`;

/** Signs up and confirms the address, as the emailed link would: a client signs in only after that. */
async function register(email: string, name = "Test") {
  const result = await registerClient({ name, email, password: PASSWORD }, uniqueIp());
  expect(result.ok).toBe(true);
  await prisma.user.update({ where: { email }, data: { emailVerified: new Date() } });
  return result;
}

async function registeredUser(label: string) {
  const email = uniqueEmail(label);
  await register(email, label);
  return prisma.user.findUniqueOrThrow({ where: { email } });
}

/** Signs in successfully and returns the known-device token the browser's cookie would hold. */
async function signInOnce(email: string): Promise<string> {
  const result = await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: uniqueIp() });
  if (!result.ok) throw new Error(`sign-in failed: ${result.reason}`);
  return result.knownDeviceToken;
}

async function failFromManyAddresses(email: string, times: number) {
  for (let i = 0; i < times; i++)
    await authenticateWithPassword({ email, password: "guess-guess-guess" }, { clientIp: uniqueIp() });
}

const SECOND = 1000;
const HOUR = 3600 * SECOND;
const DAY = 24 * HOUR;
const ago = (ms: number) => new Date(Date.now() - ms);

describe(`accounts and sign-in (${ENGINE})`, () => {
  it("registers a client with an argon2id hash at OWASP parameters, never the password itself", async () => {
    const email = uniqueEmail("signup");
    await register(email, "Ada");
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("CLIENT");
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
  });

  it("answers a taken email as a free one, and creates no second account", async () => {
    const email = uniqueEmail("dup");
    await register(email, "First");
    const first = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(await registerClient({ name: "Second", email, password: "another-pass-phrase" }, uniqueIp())).toEqual({
      ok: true,
    });
    expect(await prisma.user.findMany({ where: { email } })).toEqual([first]);
  });

  it("refuses an unconfirmed client's right password with the wrong-password answer, until the address is confirmed", async () => {
    const email = uniqueEmail("unconfirmed");
    expect(await registerClient({ name: "Una", email, password: PASSWORD }, uniqueIp())).toEqual({ ok: true });
    const ip = uniqueIp();
    const unconfirmed = await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: ip });
    const wrong = await authenticateWithPassword({ email, password: "not-the-password" }, { clientIp: ip });
    expect(unconfirmed).toEqual({ ok: false, reason: "invalid" });
    expect(unconfirmed).toEqual(wrong);
    await prisma.user.update({ where: { email }, data: { emailVerified: new Date() } });
    expect((await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: uniqueIp() })).ok).toBe(true);
  });

  it("throttles sign-ups from one address", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_UP_LIMIT.limit; i++) {
      await registerClient({ name: "Spam", email: uniqueEmail("bulk"), password: PASSWORD }, ip);
    }
    const blocked = await registerClient({ name: "Spam", email: uniqueEmail("bulk"), password: PASSWORD }, ip);
    expect(!blocked.ok && blocked.reason).toBe("throttled");
  });

  it("signs in with the right password and gives one answer for a wrong password or an unknown email", async () => {
    const email = uniqueEmail("signin");
    await register(email, "Bea");
    const ip = uniqueIp();
    const ok = await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: ip });
    expect(ok.ok && ok.user.email).toBe(email);
    const wrong = await authenticateWithPassword({ email, password: "not-the-password" }, { clientIp: ip });
    const unknown = await authenticateWithPassword(
      { email: uniqueEmail("nobody"), password: PASSWORD },
      { clientIp: ip },
    );
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("throttles repeated failures on one account from one address, even with the right password", async () => {
    const email = uniqueEmail("throttle");
    await register(email, "Cy");
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp.limit; i++) {
      expect(await authenticateWithPassword({ email, password: `wrong-${i}-password` }, { clientIp: ip })).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const blocked = await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: ip });
    expect(!blocked.ok && blocked.reason).toBe("throttled");
    expect(!blocked.ok && blocked.reason === "throttled" && blocked.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("does not let failures from elsewhere lock the owner out", async () => {
    const email = uniqueEmail("owner");
    await register(email, "Owner");
    const attacker = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp.limit + 2; i++)
      await authenticateWithPassword({ email, password: "guess-guess-guess" }, { clientIp: attacker });
    expect((await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: uniqueIp() })).ok).toBe(true);
  });

  it("throttles one account guessed from many addresses", async () => {
    const email = uniqueEmail("spread");
    await register(email, "Di");
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit; i++)
      await authenticateWithPassword({ email, password: "guess-guess-guess" }, { clientIp: uniqueIp() });
    const blocked = await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: uniqueIp() });
    expect(!blocked.ok && blocked.reason).toBe("throttled");
  });

  it("throttles an unknown email the same way as a real one", async () => {
    const email = uniqueEmail("ghost");
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp.limit; i++)
      await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: ip });
    const blocked = await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: ip });
    expect(!blocked.ok && blocked.reason).toBe("throttled");
  });

  it("throttles one address trying many accounts", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++)
      await authenticateWithPassword({ email: uniqueEmail("spray"), password: PASSWORD }, { clientIp: ip });
    const email = uniqueEmail("victim");
    await register(email, "Ed");
    expect((await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: ip })).ok).toBe(false);
    expect((await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: uniqueIp() })).ok).toBe(true);
  });

  it("stops counting a blocked address's attempts against the accounts it names", async () => {
    const ip = uniqueIp();
    const email = uniqueEmail("target");
    await register(email, "Target");
    // Past its own limit, the address keeps hammering one account from the same place, far beyond
    // the per-account limit, yet the account's own counter stops moving.
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit + SIGN_IN_LIMITS.perAccount.limit + 5; i++) {
      await authenticateWithPassword({ email, password: "wrong-password-here" }, { clientIp: ip });
    }
    const accountCounter = await prisma.rateLimit.findUnique({ where: { key: `sign-in:account:${email}` } });
    expect(accountCounter?.hits).toBeLessThanOrEqual(SIGN_IN_LIMITS.perIp.limit);
    // The owner, from a new browser elsewhere, is not locked out.
    expect((await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: uniqueIp() })).ok).toBe(true);
  });

  it("clears the account-and-address counter after a successful sign-in", async () => {
    const email = uniqueEmail("reset");
    await register(email, "Flo");
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp.limit - 1; i++)
      await authenticateWithPassword({ email, password: "wrong-password-x" }, { clientIp: ip });
    expect((await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: ip })).ok).toBe(true);
    expect(await prisma.rateLimit.findUnique({ where: { key: `sign-in:account-ip:${email}:${ip}` } })).toBeNull();
  });
});

describe(`known devices and the per-account throttle (${ENGINE})`, () => {
  it("lets the owner in from a known device after 50 failures from many addresses; a stranger stays throttled", async () => {
    const email = uniqueEmail("besieged");
    await register(email, "Owner");
    const knownDevice = await signInOnce(email);
    await failFromManyAddresses(email, SIGN_IN_LIMITS.perAccount.limit);

    const stranger = await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: uniqueIp() });
    expect(!stranger.ok && stranger.reason).toBe("throttled");

    const owner = await authenticateWithPassword(
      { email, password: PASSWORD },
      { clientIp: uniqueIp(), knownDeviceToken: knownDevice },
    );
    expect(owner.ok && owner.user.email).toBe(email);

    // The owner's success does not reopen the account to everyone else.
    const strangerAgain = await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: uniqueIp() });
    expect(!strangerAgain.ok && strangerAgain.reason).toBe("throttled");
  });

  it("exempts nobody with a forged token, another account's token, or a token from another secret", async () => {
    const email = uniqueEmail("target");
    const target = (await register(email, "Target"), await prisma.user.findUniqueOrThrow({ where: { email } }));
    const other = await registeredUser("other");
    const genuine = await signInOnce(email);
    await failFromManyAddresses(email, SIGN_IN_LIMITS.perAccount.limit);

    const forged = `${genuine.slice(0, -4)}${genuine.endsWith("AAAA") ? "BBBB" : "AAAA"}`;
    const tokens = [
      forged,
      genuine.replace(target.id, other.id),
      await signInOnce(other.email),
      // Another secret than the configured one, whatever AUTH_SECRET the run was given ("x" × 40 was
      // the very secret the documented PostgreSQL test command sets).
      issueKnownDeviceToken(target.id, { secret: `another-${getEnv().AUTH_SECRET}` }),
      issueKnownDeviceToken(target.id, { now: Date.now() - 181 * DAY }),
    ];
    for (const knownDeviceToken of tokens) {
      const result = await authenticateWithPassword(
        { email, password: PASSWORD },
        { clientIp: uniqueIp(), knownDeviceToken },
      );
      expect(!result.ok && result.reason).toBe("throttled");
    }
  });

  it("gives a known device a budget of its own, so a stolen token buys no extra guesses", async () => {
    const email = uniqueEmail("device-budget");
    await register(email, "Dev");
    const knownDevice = await signInOnce(email);
    for (let i = 0; i < SIGN_IN_LIMITS.perKnownDevice.limit; i++) {
      const result = await authenticateWithPassword(
        { email, password: "guess-guess-guess" },
        { clientIp: uniqueIp(), knownDeviceToken: knownDevice },
      );
      expect(result).toEqual({ ok: false, reason: "invalid" });
    }
    const blocked = await authenticateWithPassword(
      { email, password: PASSWORD },
      { clientIp: uniqueIp(), knownDeviceToken: knownDevice },
    );
    expect(!blocked.ok && blocked.reason).toBe("throttled");
  });

  it("resets the account counters a success used, but not the address's", async () => {
    const email = uniqueEmail("counters");
    await register(email, "Flo");
    const ip = uniqueIp();
    await authenticateWithPassword({ email, password: "wrong-password-x" }, { clientIp: ip });
    expect((await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: ip })).ok).toBe(true);
    expect(await prisma.rateLimit.findUnique({ where: { key: `sign-in:account:${email}` } })).toBeNull();
    expect(await prisma.rateLimit.findUnique({ where: { key: `sign-in:account-ip:${email}:${ip}` } })).toBeNull();
    expect((await prisma.rateLimit.findUniqueOrThrow({ where: { key: `sign-in:ip:${ip}` } })).hits).toBe(2);
  });
});

describe(`sign-in audit log (${ENGINE})`, () => {
  const entriesFor = (entityId: string) =>
    prisma.auditLog.findMany({ where: { entityType: "User", entityId }, orderBy: { createdAt: "asc" } });

  it("records a success and a failure on the account, with the address and never the password", async () => {
    const email = uniqueEmail("audited");
    await register(email, "Audie");
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const ip = uniqueIp();
    await authenticateWithPassword({ email, password: "not-the-password" }, { clientIp: ip });
    await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: ip });

    const entries = await entriesFor(user.id);
    expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["user.sign_up", user.id],
      ["user.sign_in_failed", null],
      ["user.sign_in", user.id],
    ]);
    expect(entries[1]?.data).toEqual({ ip });
    expect(entries[2]?.data).toEqual({ ip, knownDevice: false });
    expect(JSON.stringify(entries)).not.toContain("not-the-password");
    expect(JSON.stringify(entries)).not.toContain(PASSWORD);
  });

  it("records a failure on an unknown email without writing the email down", async () => {
    const email = uniqueEmail("stranger");
    const ip = uniqueIp();
    await authenticateWithPassword({ email, password: PASSWORD }, { clientIp: ip });
    const entries = await prisma.auditLog.findMany({
      where: { action: "user.sign_in_failed", entityId: UNKNOWN_ACCOUNT },
    });
    const mine = entries.filter((entry) => (entry.data as { ip?: string } | null)?.ip === ip);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.actorId).toBeNull();
    expect(JSON.stringify(mine)).not.toContain(email);
    expect(await prisma.auditLog.count({ where: { entityId: email } })).toBe(0);
  });

  it("records once when a throttle starts refusing, not once per refusal", async () => {
    const email = uniqueEmail("hammered");
    await register(email, "Hammer");
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp.limit + 3; i++)
      await authenticateWithPassword({ email, password: "guess-guess-guess" }, { clientIp: ip });
    const throttled = (await entriesFor(user.id)).filter((entry) => entry.action === "user.sign_in_throttled");
    expect(throttled).toHaveLength(1);
    expect(throttled[0]?.data).toEqual({ ip, throttles: ["account_ip"] });
  });

  it("records a sign-out with the session's user, and ends the session with it", async () => {
    const user = await registeredUser("leaver");
    const token = await createSessionRecord(user.id);
    const ip = uniqueIp();
    await endSession(token, ip);
    expect(await prisma.session.findUnique({ where: { sessionToken: token } })).toBeNull();
    const signOuts = (await entriesFor(user.id)).filter((entry) => entry.action === "user.sign_out");
    expect(signOuts.map((entry) => [entry.actorId, entry.data])).toEqual([[user.id, { ip }]]);
    // Ending it again (a second tab) is harmless and records nothing more.
    await endSession(token, ip);
    expect((await entriesFor(user.id)).filter((entry) => entry.action === "user.sign_out")).toHaveLength(1);
  });
});

describe(`server-side sessions (${ENGINE})`, () => {
  it("finds the user of a live session and forgets a revoked one", async () => {
    const email = uniqueEmail("session");
    await register(email, "Gil");
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const phone = await createSessionRecord(user.id);
    const laptop = await createSessionRecord(user.id);
    expect((await findSessionUser(phone))?.email).toBe(email);

    await revokeSession(phone);
    expect(await findSessionUser(phone)).toBeNull();
    expect((await findSessionUser(laptop))?.id).toBe(user.id);

    expect(await revokeAllSessions(user.id)).toBe(1);
    expect(await findSessionUser(laptop)).toBeNull();
  });

  it("refuses an expired session and an unknown token", async () => {
    const email = uniqueEmail("expired");
    await register(email, "Hal");
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const token = await createSessionRecord(user.id);
    const unread = await createSessionRecord(user.id);
    const expired = { expires: new Date(Date.now() - 1000) };
    await prisma.session.updateMany({ where: { sessionToken: { in: [token, unread] } }, data: expired });
    expect(await findSessionUser(token)).toBeNull();
    expect(await findSessionUser("no-such-token")).toBeNull();
    // An ended session found on a request is deleted then; one never read again goes at the next prune.
    expect(await prisma.session.findUnique({ where: { sessionToken: token } })).toBeNull();
    expect(await pruneExpiredSessions()).toBeGreaterThanOrEqual(1);
    expect(await prisma.session.findUnique({ where: { sessionToken: unread } })).toBeNull();
  });

  it("reflects a role change on the next lookup", async () => {
    const email = uniqueEmail("promoted");
    await register(email, "Ivy");
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const token = await createSessionRecord(user.id);
    await prisma.user.update({ where: { id: user.id }, data: { role: "THERAPIST" } });
    expect((await findSessionUser(token))?.role).toBe("THERAPIST");
  });

  it("gives clients 30 days and staff 7 days from sign-in", async () => {
    const client = await createUser();
    const therapist = await createUser({ role: "THERAPIST" });
    const clientRow = await prisma.session.findUniqueOrThrow({
      where: { sessionToken: await createSessionRecord(client.id) },
    });
    const staffRow = await prisma.session.findUniqueOrThrow({
      where: { sessionToken: await createSessionRecord(therapist.id) },
    });
    const lifetime = (row: { expires: Date; createdAt: Date }) => row.expires.getTime() - row.createdAt.getTime();
    expect(Math.abs(lifetime(clientRow) - CLIENT_SESSION_LIMITS.absoluteSeconds * SECOND)).toBeLessThan(5 * SECOND);
    expect(Math.abs(lifetime(staffRow) - STAFF_SESSION_LIMITS.absoluteSeconds * SECOND)).toBeLessThan(5 * SECOND);
  });

  it("ends a client's session after 7 idle days and keeps a used one, touching it at most every few minutes", async () => {
    const client = await createUser();
    const idle = await createSessionRecord(client.id);
    const used = await createSessionRecord(client.id);
    const fresh = await createSessionRecord(client.id);
    await prisma.session.update({ where: { sessionToken: idle }, data: { lastSeenAt: ago(7 * DAY + HOUR) } });
    await prisma.session.update({ where: { sessionToken: used }, data: { lastSeenAt: ago(6 * DAY) } });
    const justNow = ago(60 * SECOND);
    await prisma.session.update({ where: { sessionToken: fresh }, data: { lastSeenAt: justNow } });

    expect(await findSessionUser(idle)).toBeNull();
    expect(await prisma.session.findUnique({ where: { sessionToken: idle } })).toBeNull();

    expect((await findSessionUser(used))?.id).toBe(client.id);
    const touched = await prisma.session.findUniqueOrThrow({ where: { sessionToken: used } });
    expect(Date.now() - touched.lastSeenAt.getTime()).toBeLessThan(10 * SECOND);

    expect((await findSessionUser(fresh))?.id).toBe(client.id);
    expect((await prisma.session.findUniqueOrThrow({ where: { sessionToken: fresh } })).lastSeenAt).toEqual(justNow);
  });

  it("ends a staff session after 12 idle hours, and 7 days after sign-in however busy", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const idle = await createSessionRecord(admin.id);
    const busy = await createSessionRecord(admin.id);
    const old = await createSessionRecord(admin.id);
    await prisma.session.update({ where: { sessionToken: idle }, data: { lastSeenAt: ago(13 * HOUR) } });
    await prisma.session.update({ where: { sessionToken: busy }, data: { lastSeenAt: ago(11 * HOUR) } });
    await prisma.session.update({
      where: { sessionToken: old },
      data: { createdAt: ago(7 * DAY + HOUR), lastSeenAt: ago(60 * SECOND), expires: new Date(Date.now() + DAY) },
    });
    expect(await findSessionUser(idle)).toBeNull();
    expect((await findSessionUser(busy))?.id).toBe(admin.id);
    expect(await findSessionUser(old)).toBeNull();
  });

  it("applies the staff limits to a live session once its user becomes staff", async () => {
    const user = await createUser();
    const token = await createSessionRecord(user.id);
    await prisma.session.update({ where: { sessionToken: token }, data: { lastSeenAt: ago(2 * DAY) } });
    expect((await findSessionUser(token))?.role).toBe("CLIENT");
    await prisma.session.update({ where: { sessionToken: token }, data: { lastSeenAt: ago(2 * DAY) } });
    await prisma.user.update({ where: { id: user.id }, data: { role: "THERAPIST" } });
    expect(await findSessionUser(token)).toBeNull();
  });

  it("prunes idle sessions as well as expired ones", async () => {
    const client = await createUser();
    const admin = await createUser({ role: "ADMIN" });
    const clientIdle = await createSessionRecord(client.id);
    const staffIdle = await createSessionRecord(admin.id);
    const clientLive = await createSessionRecord(client.id);
    await prisma.session.update({ where: { sessionToken: clientIdle }, data: { lastSeenAt: ago(8 * DAY) } });
    await prisma.session.update({ where: { sessionToken: staffIdle }, data: { lastSeenAt: ago(13 * HOUR) } });
    await prisma.session.update({ where: { sessionToken: clientLive }, data: { lastSeenAt: ago(13 * HOUR) } });
    await pruneExpiredSessions();
    const left = await prisma.session.findMany({
      where: { sessionToken: { in: [clientIdle, staffIdle, clientLive] } },
      select: { sessionToken: true },
    });
    expect(left.map((row) => row.sessionToken)).toEqual([clientLive]);
  });
});
