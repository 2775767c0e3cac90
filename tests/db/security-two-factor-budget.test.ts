// Wrong two-factor codes have their own budget per account (issue #16 point 3): before, they shared
// the password budget, about 4,800 guesses a day for someone who has the password. After five
// wrong codes, two-factor sign-in to that account pauses (even the right code waits), the staff
// member is emailed once, and a right code after the pause signs in and resets the budget.
import { randomUUID } from "node:crypto";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { describe, expect, it } from "vitest";
import { authenticateWithPassword, TWO_FACTOR_LIMIT } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { totpCodeAt, totpStepAt } from "@/lib/auth/totp";
import { beginTotpEnrolment, confirmTotpEnrolment, getTwoFactorStatus } from "@/lib/auth/two-factor";
import { prisma } from "@/lib/db";
import { ENGINE } from "../support/db-setup";
import { createUser } from "../support/factories";

const PASSWORD = "lantern-meadow-pebble-anchor";
const codeNow = (key: Uint8Array) => totpCodeAt(key, totpStepAt(new Date()));

describe(`two-factor code budget (${ENGINE})`, () => {
  it("pauses two-factor sign-in after five wrong codes, emails the owner once, and resumes after the window", async () => {
    const user = await createUser({ role: "ADMIN", passwordHash: await hashPassword(PASSWORD) });
    await beginTotpEnrolment(user.id);
    const { pending } = await getTwoFactorStatus(user.id);
    const key = decodeBase32IgnorePadding(pending?.manualKey.replace(/\s/g, "") ?? "");
    await confirmTotpEnrolment(user.id, codeNow(key));
    const wrong = String((Number(codeNow(key)) + 500_000) % 1_000_000).padStart(6, "0");
    // Each try from a new address: the per-address throttles must not be what stops them.
    const attempt = (code: string) =>
      authenticateWithPassword(
        { email: user.email, password: PASSWORD, code },
        { clientIp: `198.51.100.${randomUUID().slice(0, 4)}` },
      );

    for (let i = 0; i < TWO_FACTOR_LIMIT.limit; i++) {
      expect(await attempt(wrong)).toEqual({ ok: false, reason: "second_factor_invalid" });
    }
    const paused = await attempt(codeNow(key));
    expect(paused).toMatchObject({ ok: false, reason: "throttled" });
    expect((paused as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(60);
    expect(await attempt(wrong)).toMatchObject({ ok: false, reason: "throttled" });

    const notices = await prisma.emailOutbox.findMany({
      where: { userId: user.id, template: "account-two-factor-paused" },
    });
    expect(notices).toHaveLength(1);
    expect(notices[0]!.toAddress).toBe(user.email);
    expect(notices[0]!.text).toMatch(/paused for 15 minutes/);
    expect(await prisma.auditLog.count({ where: { entityId: user.id, action: "user.two_factor_paused" } })).toBe(1);

    // The window passes: the right code signs in again (the next step's code: the enrolment used this one).
    await prisma.rateLimit.updateMany({
      where: { key: `two-factor:account:${user.id}` },
      data: { windowStart: new Date(Date.now() - (TWO_FACTOR_LIMIT.windowSeconds + 1) * 1000) },
    });
    const signedIn = await attempt(totpCodeAt(key, totpStepAt(new Date()) + 1));
    expect(signedIn.ok).toBe(true);
  });

  // Tries sent side by side must not all pass a check made before any was counted (review finding).
  it("counts tries sent at once: no more than five codes are checked, and one email goes out", async () => {
    const user = await createUser({ role: "THERAPIST", passwordHash: await hashPassword(PASSWORD) });
    await beginTotpEnrolment(user.id);
    const { pending } = await getTwoFactorStatus(user.id);
    const key = decodeBase32IgnorePadding(pending?.manualKey.replace(/\s/g, "") ?? "");
    await confirmTotpEnrolment(user.id, codeNow(key));
    const wrong = String((Number(codeNow(key)) + 500_000) % 1_000_000).padStart(6, "0");
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        authenticateWithPassword(
          { email: user.email, password: PASSWORD, code: wrong },
          { clientIp: `198.51.100.${randomUUID().slice(0, 4)}` },
        ),
      ),
    );
    const checked = results.filter((result) => !result.ok && result.reason === "second_factor_invalid");
    expect(checked.length).toBeLessThanOrEqual(TWO_FACTOR_LIMIT.limit);
    expect(results.filter((result) => !result.ok && result.reason === "throttled").length).toBeGreaterThanOrEqual(
      12 - TWO_FACTOR_LIMIT.limit,
    );
    expect(await prisma.emailOutbox.count({ where: { userId: user.id, template: "account-two-factor-paused" } })).toBe(
      1,
    );
  });
});
