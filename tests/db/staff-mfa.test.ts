// Two-factor sign-in for staff: enrolment turns on only with a current code from the app; then the
// password alone no longer signs in, a code works once, a recovery code works once, guesses are
// throttled like passwords; turning it off needs a code or the password (or an admin's reset, for a
// lost phone). REQUIRE_STAFF_MFA keeps every staff route but the Security page closed until enrolment.
import { randomBytes, randomUUID } from "node:crypto";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { describe, expect, it } from "vitest";
import { authenticateWithPassword, SIGN_IN_LIMITS } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { sealSecret } from "@/lib/auth/secret-box";
import { createSessionRecord, findSessionUser } from "@/lib/auth/sessions";
import { totpCodeAt, totpStepAt } from "@/lib/auth/totp";
import { beginTotpEnrolment, confirmTotpEnrolment, disableTwoFactor, getTwoFactorStatus } from "@/lib/auth/two-factor";
import { prisma } from "@/lib/db";
import { NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import { resetStaffTwoFactor } from "@/lib/team/reset-staff-two-factor";
import { STAFF_ROUTES, type StaffRouteKey } from "@/lib/auth/staff-routes";
import { staffRouteWaitsForTwoFactor } from "@/lib/auth/staff-two-factor-gate";
import { ENGINE } from "../support/db-setup";
import { createUser } from "../support/factories";
import { caught } from "../support/staff-scenario";

const PASSWORD = "willow-harbour-copper-bell";
const uniqueIp = () => `192.0.2.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 6)}`;

async function staffMember() {
  return createUser({ role: "THERAPIST", passwordHash: await hashPassword(PASSWORD) });
}

/** Starts enrolment and reads the key as a person would type it from the page. */
async function startEnrolment(userId: string): Promise<Uint8Array> {
  await beginTotpEnrolment(userId);
  const { pending } = await getTwoFactorStatus(userId);
  expect(pending?.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);
  return decodeBase32IgnorePadding(pending?.manualKey.replace(/\s/g, "") ?? "");
}

const codeNow = (key: Uint8Array, offset = 0) => totpCodeAt(key, totpStepAt(new Date()) + offset);

/** An enrolled staff member, their key, and their recovery codes. */
async function enrolledStaffMember() {
  const user = await staffMember();
  const key = await startEnrolment(user.id);
  const recoveryCodes = await confirmTotpEnrolment(user.id, codeNow(key));
  return { user, key, recoveryCodes };
}

describe(`staff two-factor sign-in (${ENGINE})`, () => {
  it("turns on only with a current code, stores the key sealed and the recovery codes hashed", async () => {
    const user = await staffMember();
    const key = await startEnrolment(user.id);
    const stored = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.totpEnabledAt).toBeNull();
    expect(stored.totpSecretEncrypted).toMatch(/^v1\./);

    const wrong = String((Number(codeNow(key)) + 1) % 1_000_000).padStart(6, "0");
    const error = await caught(confirmTotpEnrolment(user.id, wrong));
    expect(error).toBeInstanceOf(Unprocessable);
    expect((error as Unprocessable).fields?.code?.[0]).toMatch(/didn't work/);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).totpEnabledAt).toBeNull();
    // Until it is on, the password alone still signs in.
    expect(
      (await authenticateWithPassword({ email: user.email, password: PASSWORD }, { clientIp: uniqueIp() })).ok,
    ).toBe(true);

    const codes = await confirmTotpEnrolment(user.id, codeNow(key));
    expect(codes).toHaveLength(10);
    const status = await getTwoFactorStatus(user.id);
    expect(status.enabledAt).toBeInstanceOf(Date);
    expect(status.pending).toBeNull();
    expect(status.recoveryCodesLeft).toBe(10);
    const hashes = await prisma.recoveryCode.findMany({ where: { userId: user.id }, select: { codeHash: true } });
    for (const code of codes) expect(JSON.stringify(hashes)).not.toContain(code.replace("-", ""));
    await expect(beginTotpEnrolment(user.id)).rejects.toThrow("already on");
    expect(await prisma.auditLog.count({ where: { entityId: user.id, action: "user.totp_enabled" } })).toBe(1);
  });

  it("asks for the code after the right password, accepts a current one once, and answers a wrong password as before", async () => {
    const { user, key } = await enrolledStaffMember();
    const ip = uniqueIp();
    const attempt = (password: string, code?: string) =>
      authenticateWithPassword({ email: user.email, password, code }, { clientIp: ip });

    expect(await attempt(PASSWORD)).toEqual({ ok: false, reason: "second_factor_required" });
    expect(await attempt("not-the-password-at-all", codeNow(key, 1))).toEqual({ ok: false, reason: "invalid" });
    expect(await attempt(PASSWORD, "000000" === codeNow(key, 1) ? "111111" : "000000")).toEqual({
      ok: false,
      reason: "second_factor_invalid",
    });
    // The enrolment used this step's code; the next step's is within the one-step allowance.
    const code = codeNow(key, 1);
    const signedIn = await attempt(PASSWORD, code);
    expect(signedIn.ok).toBe(true);
    // The same code again (someone watching, or a replayed request) is refused.
    expect(await attempt(PASSWORD, code)).toEqual({ ok: false, reason: "second_factor_invalid" });
    const audit = await prisma.auditLog.findFirstOrThrow({ where: { entityId: user.id, action: "user.sign_in" } });
    expect(audit.data).toMatchObject({ secondFactor: "totp" });
  });

  it("throttles code guesses with the sign-in limits", async () => {
    const { user, key } = await enrolledStaffMember();
    const ip = uniqueIp();
    for (let i = 0; i < SIGN_IN_LIMITS.perAccountAndIp.limit; i++) {
      const result = await authenticateWithPassword(
        { email: user.email, password: PASSWORD, code: String(100000 + i) },
        { clientIp: ip },
      );
      expect(result.ok).toBe(false);
    }
    const blocked = await authenticateWithPassword(
      { email: user.email, password: PASSWORD, code: codeNow(key, 1) },
      { clientIp: ip },
    );
    expect(!blocked.ok && blocked.reason).toBe("throttled");
  });

  it("signs in with a recovery code exactly once", async () => {
    const { user, recoveryCodes } = await enrolledStaffMember();
    const code = (recoveryCodes[3] as string).toLowerCase();
    const signIn = () =>
      authenticateWithPassword({ email: user.email, password: PASSWORD, code }, { clientIp: uniqueIp() });
    expect((await signIn()).ok).toBe(true);
    expect(await signIn()).toEqual({ ok: false, reason: "second_factor_invalid" });
    expect((await getTwoFactorStatus(user.id)).recoveryCodesLeft).toBe(9);
  });

  it("turns off only with a current code or the password, and the recovery codes go with it", async () => {
    const { user, key } = await enrolledStaffMember();
    await expect(disableTwoFactor(user.id, { password: "a-wrong-password-here" })).rejects.toThrow(
      "password is not right",
    );
    await expect(disableTwoFactor(user.id, { code: "12345" })).rejects.toThrow("didn't work");
    await disableTwoFactor(user.id, { code: codeNow(key, 1) });
    const status = await getTwoFactorStatus(user.id);
    expect(status).toMatchObject({ enabledAt: null, pending: null, recoveryCodesLeft: 0 });
    expect(
      (await authenticateWithPassword({ email: user.email, password: PASSWORD }, { clientIp: uniqueIp() })).ok,
    ).toBe(true);

    const again = await enrolledStaffMember();
    await disableTwoFactor(again.user.id, { password: PASSWORD });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: again.user.id } })).totpSecretEncrypted).toBeNull();
  });

  it("after AUTH_SECRET changes, refuses app codes without failing and still takes a recovery code", async () => {
    const { user, recoveryCodes } = await enrolledStaffMember();
    // The key as if sealed under the previous AUTH_SECRET.
    await prisma.user.update({
      where: { id: user.id },
      data: { totpSecretEncrypted: sealSecret(randomBytes(20), "the-previous-auth-secret-0123456789abcdef") },
    });
    const attempt = (code: string) =>
      authenticateWithPassword({ email: user.email, password: PASSWORD, code }, { clientIp: uniqueIp() });
    expect(await attempt("123456")).toEqual({ ok: false, reason: "second_factor_invalid" });
    expect((await attempt(recoveryCodes[0] as string)).ok).toBe(true);
    await disableTwoFactor(user.id, { password: PASSWORD });
    expect((await getTwoFactorStatus(user.id)).enabledAt).toBeNull();
  });

  it("lets an admin reset a staff member's two-factor (lost phone and codes): signed out, password alone until set up again", async () => {
    const { user } = await enrolledStaffMember();
    const session = await createSessionRecord(user.id);
    const admin = await createUser({ role: "ADMIN" });
    await expect(resetStaffTwoFactor({ id: user.id, role: "THERAPIST" }, user.id)).rejects.toBeInstanceOf(NotFound);
    await expect(resetStaffTwoFactor({ id: admin.id, role: "ADMIN" }, admin.id)).rejects.toThrow("your own account");

    expect(await resetStaffTwoFactor({ id: admin.id, role: "ADMIN" }, user.id)).toBe(true);
    expect(await findSessionUser(session)).toBeNull();
    expect(await getTwoFactorStatus(user.id)).toMatchObject({ enabledAt: null, pending: null, recoveryCodesLeft: 0 });
    expect(
      (await authenticateWithPassword({ email: user.email, password: PASSWORD }, { clientIp: uniqueIp() })).ok,
    ).toBe(true);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: user.id, action: "staff.two_factor_reset" },
    });
    expect(audit).toMatchObject({ actorId: admin.id, data: { sessionsEnded: 1 } });
    expect(await prisma.emailOutbox.count({ where: { userId: user.id, template: "staff-two-factor-reset" } })).toBe(1);
    expect(await resetStaffTwoFactor({ id: admin.id, role: "ADMIN" }, user.id)).toBe(false);
  });

  it("with REQUIRE_STAFF_MFA, keeps every staff route but the Security page and its actions closed until enrolment", async () => {
    const user = await staffMember();
    const keys = Object.keys(STAFF_ROUTES) as StaffRouteKey[];
    const closed = async (required: boolean) => {
      const result: StaffRouteKey[] = [];
      for (const key of keys) if (await staffRouteWaitsForTwoFactor(user.id, key, required)) result.push(key);
      return result;
    };
    const waiting = await closed(true);
    expect(waiting).toContain("/staff");
    expect(waiting).toContain("action:checkInAction");
    expect(waiting).not.toContain("/staff/security");
    expect(waiting).not.toContain("action:confirmTotpEnrolmentAction");
    expect(await closed(false)).toEqual([]);

    const key = await startEnrolment(user.id);
    expect(await closed(true)).toEqual(waiting);
    await confirmTotpEnrolment(user.id, codeNow(key));
    expect(await closed(true)).toEqual([]);
  });
});
