// Turning two-factor sign-in off from the Security page checks a password or a code: those checks
// are throttled like every other re-authentication, so a signed-in browser left open (or a stolen
// session) cannot be used to guess the password or run through codes until one fits.
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { totpCodeAt, totpStepAt } from "@/lib/auth/totp";
import { beginTotpEnrolment, confirmTotpEnrolment, disableTwoFactor, getTwoFactorStatus } from "@/lib/auth/two-factor";
import { REAUTH_LIMIT } from "@/lib/auth/verify-current-password";
import { prisma } from "@/lib/db";
import { Unprocessable } from "@/lib/errors/domain-errors";
import { ENGINE } from "../support/db-setup";
import { createUser } from "../support/factories";
import { caught } from "../support/staff-scenario";

const PASSWORD = "willow-harbour-copper-bell";

async function enrolledStaffMember() {
  const user = await createUser({ role: "THERAPIST", passwordHash: await hashPassword(PASSWORD) });
  await beginTotpEnrolment(user.id);
  const { pending } = await getTwoFactorStatus(user.id);
  const key = decodeBase32IgnorePadding(pending?.manualKey.replace(/\s/g, "") ?? "");
  const recoveryCodes = await confirmTotpEnrolment(user.id, totpCodeAt(key, totpStepAt(new Date())));
  return { user, recoveryCodes };
}

const stillOn = async (userId: string) =>
  (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).totpEnabledAt !== null;

describe(`security: turning two-factor off is throttled (${ENGINE})`, () => {
  it("stops taking passwords after the re-authentication limit, even the right one", async () => {
    const { user } = await enrolledStaffMember();
    for (let attempt = 0; attempt < REAUTH_LIMIT.limit; attempt++) {
      expect(await caught(disableTwoFactor(user.id, { password: `wrong-guess-${attempt}` }))).toBeInstanceOf(
        Unprocessable,
      );
    }
    const last = await caught(disableTwoFactor(user.id, { password: PASSWORD }));
    expect(last).toBeInstanceOf(Unprocessable);
    expect((last as Error).message).toMatch(/too many/i);
    expect(await stillOn(user.id)).toBe(true);
  });

  it("stops taking codes after the re-authentication limit, even a valid recovery code", async () => {
    const { user, recoveryCodes } = await enrolledStaffMember();
    for (let attempt = 0; attempt < REAUTH_LIMIT.limit; attempt++) {
      expect(await caught(disableTwoFactor(user.id, { code: "ZZZZZ-ZZZZZ" }))).toBeInstanceOf(Unprocessable);
    }
    const last = await caught(disableTwoFactor(user.id, { code: recoveryCodes[0] ?? "" }));
    expect(last).toBeInstanceOf(Unprocessable);
    expect((last as Error).message).toMatch(/too many/i);
    expect(await stillOn(user.id)).toBe(true);
  });
});
