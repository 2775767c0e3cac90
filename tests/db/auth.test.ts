// Accounts and sign-in: argon2id hashes, one answer for unknown email and wrong password,
// throttles that live in the database, and server-side sessions that sign-out really ends.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authenticateWithPassword, SIGN_IN_LIMITS } from "@/lib/auth/authenticate";
import { registerClient, SIGN_UP_LIMIT } from "@/lib/auth/register-client";
import {
  createSessionRecord,
  findSessionUser,
  pruneExpiredSessions,
  revokeAllSessions,
  revokeSession,
} from "@/lib/auth/sessions";
import { uniqueEmail } from "../support/factories";
import { ENGINE } from "../support/db-setup";

const PASSWORD = "lantern-ferry-orchard";
let ipCounter = 0;
const uniqueIp = () => `198.51.${Math.floor(++ipCounter / 250) % 250}.${(ipCounter % 250) + 1}-${Date.now() % 100000}`;

async function register(email: string, name = "Test") {
  const result = await registerClient({ name, email, password: PASSWORD }, uniqueIp());
  expect(result.ok).toBe(true);
  return result;
}

describe(`accounts and sign-in (${ENGINE})`, () => {
  it("registers a client with an argon2id hash at OWASP parameters, never the password itself", async () => {
    const email = uniqueEmail("signup");
    await register(email, "Ada");
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("CLIENT");
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
  });

  it("reports a taken email instead of creating a second account", async () => {
    const email = uniqueEmail("dup");
    await register(email, "First");
    expect(await registerClient({ name: "Second", email, password: PASSWORD }, uniqueIp())).toEqual({
      ok: false,
      reason: "email_taken",
    });
    expect(await prisma.user.count({ where: { email } })).toBe(1);
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
    const ok = await authenticateWithPassword({ email, password: PASSWORD }, ip);
    expect(ok.ok && ok.user.email).toBe(email);
    const wrong = await authenticateWithPassword({ email, password: "not-the-password" }, ip);
    const unknown = await authenticateWithPassword({ email: uniqueEmail("nobody"), password: PASSWORD }, ip);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("throttles repeated failures on one account from one address, even with the right password", async () => {
    const email = uniqueEmail("throttle");
    await register(email, "Cy");
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp.limit; i++) {
      expect(await authenticateWithPassword({ email, password: `wrong-${i}-password` }, ip)).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const blocked = await authenticateWithPassword({ email, password: PASSWORD }, ip);
    expect(!blocked.ok && blocked.reason).toBe("throttled");
    expect(!blocked.ok && blocked.reason === "throttled" && blocked.retryAfterSeconds).toBeGreaterThan(0);
  });

  it("does not let failures from elsewhere lock the owner out", async () => {
    const email = uniqueEmail("owner");
    await register(email, "Owner");
    const attacker = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp.limit + 2; i++)
      await authenticateWithPassword({ email, password: "guess-guess-guess" }, attacker);
    expect((await authenticateWithPassword({ email, password: PASSWORD }, uniqueIp())).ok).toBe(true);
  });

  it("throttles one account guessed from many addresses", async () => {
    const email = uniqueEmail("spread");
    await register(email, "Di");
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit; i++)
      await authenticateWithPassword({ email, password: "guess-guess-guess" }, uniqueIp());
    const blocked = await authenticateWithPassword({ email, password: PASSWORD }, uniqueIp());
    expect(!blocked.ok && blocked.reason).toBe("throttled");
  });

  it("throttles an unknown email the same way as a real one", async () => {
    const email = uniqueEmail("ghost");
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp.limit; i++)
      await authenticateWithPassword({ email, password: PASSWORD }, ip);
    const blocked = await authenticateWithPassword({ email, password: PASSWORD }, ip);
    expect(!blocked.ok && blocked.reason).toBe("throttled");
  });

  it("throttles one address trying many accounts", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++)
      await authenticateWithPassword({ email: uniqueEmail("spray"), password: PASSWORD }, ip);
    const email = uniqueEmail("victim");
    await register(email, "Ed");
    expect((await authenticateWithPassword({ email, password: PASSWORD }, ip)).ok).toBe(false);
    expect((await authenticateWithPassword({ email, password: PASSWORD }, uniqueIp())).ok).toBe(true);
  });

  it("clears the account-and-address counter after a successful sign-in", async () => {
    const email = uniqueEmail("reset");
    await register(email, "Flo");
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp.limit - 1; i++)
      await authenticateWithPassword({ email, password: "wrong-password-x" }, ip);
    expect((await authenticateWithPassword({ email, password: PASSWORD }, ip)).ok).toBe(true);
    expect(await prisma.rateLimit.findUnique({ where: { key: `sign-in:account-ip:${email}:${ip}` } })).toBeNull();
  });
});

describe(`server-side sessions (${ENGINE})`, () => {
  it("finds the user of a live session and forgets a revoked one", async () => {
    const email = uniqueEmail("session");
    await register(email, "Gil");
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const phone = await createSessionRecord(user.id, 3600);
    const laptop = await createSessionRecord(user.id, 3600);
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
    const token = await createSessionRecord(user.id, 3600);
    await prisma.session.update({ where: { sessionToken: token }, data: { expires: new Date(Date.now() - 1000) } });
    expect(await findSessionUser(token)).toBeNull();
    expect(await findSessionUser("no-such-token")).toBeNull();
    expect(await pruneExpiredSessions()).toBeGreaterThanOrEqual(1);
    expect(await prisma.session.findUnique({ where: { sessionToken: token } })).toBeNull();
  });

  it("reflects a role change on the next lookup", async () => {
    const email = uniqueEmail("promoted");
    await register(email, "Ivy");
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    const token = await createSessionRecord(user.id, 3600);
    await prisma.user.update({ where: { id: user.id }, data: { role: "THERAPIST" } });
    expect((await findSessionUser(token))?.role).toBe("THERAPIST");
  });
});
