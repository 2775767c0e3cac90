// Accounts and sign-in: argon2id hashes, one answer for unknown email and wrong password, and a
// throttle per account and per IP that lives in the database.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { authenticateWithPassword, SIGN_IN_LIMITS } from "@/lib/auth/authenticate";
import { registerClient } from "@/lib/auth/register-client";
import { uniqueEmail } from "../support/factories";
import { ENGINE } from "../support/db-setup";

const PASSWORD = "lantern-ferry-orchard";
const uniqueIp = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${Math.random().toString(36).slice(2, 8)}`;

describe(`accounts and sign-in (${ENGINE})`, () => {
  it("registers a client with an argon2id hash at OWASP parameters, never the password itself", async () => {
    const email = uniqueEmail("signup");
    const result = await registerClient({ name: "Ada", email, password: PASSWORD });
    expect(result.ok).toBe(true);
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("CLIENT");
    expect(user.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(user.passwordHash).not.toContain(PASSWORD);
  });

  it("reports a taken email instead of creating a second account", async () => {
    const email = uniqueEmail("dup");
    await registerClient({ name: "First", email, password: PASSWORD });
    expect(await registerClient({ name: "Second", email, password: PASSWORD })).toEqual({
      ok: false,
      reason: "email_taken",
    });
    expect(await prisma.user.count({ where: { email } })).toBe(1);
  });

  it("signs in with the right password and gives one answer for a wrong password or an unknown email", async () => {
    const email = uniqueEmail("signin");
    await registerClient({ name: "Bea", email, password: PASSWORD });
    const ip = uniqueIp();
    const ok = await authenticateWithPassword({ email, password: PASSWORD }, ip);
    expect(ok.ok && ok.user.email).toBe(email);
    const wrong = await authenticateWithPassword({ email, password: "not-the-password" }, ip);
    const unknown = await authenticateWithPassword({ email: uniqueEmail("nobody"), password: PASSWORD }, ip);
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
  });

  it("throttles an account after repeated failures, even with the right password, whatever the IP", async () => {
    const email = uniqueEmail("throttle");
    await registerClient({ name: "Cy", email, password: PASSWORD });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit; i++) {
      expect(await authenticateWithPassword({ email, password: `wrong-${i}-password` }, uniqueIp())).toEqual({
        ok: false,
        reason: "invalid",
      });
    }
    const blocked = await authenticateWithPassword({ email, password: PASSWORD }, uniqueIp());
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.reason).toBe("throttled");
    expect(!blocked.ok && blocked.reason === "throttled" && blocked.retryAfterSeconds).toBeGreaterThan(0);
    const stored = await prisma.rateLimit.findUnique({ where: { key: `sign-in:account:${email}` } });
    expect(stored?.hits).toBeGreaterThan(SIGN_IN_LIMITS.perAccount.limit);
  });

  it("throttles an unknown email the same way as a real one", async () => {
    const email = uniqueEmail("ghost");
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit; i++)
      await authenticateWithPassword({ email, password: PASSWORD }, uniqueIp());
    const blocked = await authenticateWithPassword({ email, password: PASSWORD }, uniqueIp());
    expect(!blocked.ok && blocked.reason).toBe("throttled");
  });

  it("throttles one IP trying many accounts", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perIp.limit; i++)
      await authenticateWithPassword({ email: uniqueEmail("spray"), password: PASSWORD }, ip);
    const email = uniqueEmail("victim");
    await registerClient({ name: "Di", email, password: PASSWORD });
    const blocked = await authenticateWithPassword({ email, password: PASSWORD }, ip);
    expect(!blocked.ok && blocked.reason).toBe("throttled");
    const elsewhere = await authenticateWithPassword({ email, password: PASSWORD }, uniqueIp());
    expect(elsewhere.ok).toBe(true);
  });

  it("clears the account counter after a successful sign-in", async () => {
    const email = uniqueEmail("reset");
    await registerClient({ name: "Ed", email, password: PASSWORD });
    for (let i = 0; i < SIGN_IN_LIMITS.perAccount.limit - 1; i++)
      await authenticateWithPassword({ email, password: "wrong-password-x" }, uniqueIp());
    expect((await authenticateWithPassword({ email, password: PASSWORD }, uniqueIp())).ok).toBe(true);
    expect(await prisma.rateLimit.findUnique({ where: { key: `sign-in:account:${email}` } })).toBeNull();
  });
});
