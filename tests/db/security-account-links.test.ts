// Taking an account back ends the links that were already sent. Someone who learnt the password asks
// to move the account to their own address; the owner, warned by the notice, resets or changes the
// password: the intruder's email-change link must then no longer work, or it takes the account a
// second time. Likewise a reset link sent to the old address stops working once the email moves.
import { describe, expect, it } from "vitest";
import { changePassword } from "@/lib/auth/change-password";
import { confirmEmailChange } from "@/lib/auth/confirm-email-change";
import { hashPassword } from "@/lib/auth/password";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { requestEmailChange } from "@/lib/auth/request-email-change";
import { resetPassword } from "@/lib/auth/reset-password";
import { prisma } from "@/lib/db";
import { ENGINE } from "../support/db-setup";
import { createUser, uniqueEmail } from "../support/factories";

const PASSWORD = "lantern-ferry-orchard";
const NEW_PASSWORD = "copper-kettle-meadow";
const uniqueIp = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${Math.random().toString(36).slice(2, 8)}`;

async function clientWithPassword() {
  return createUser({ email: uniqueEmail("links"), passwordHash: await hashPassword(PASSWORD) });
}

async function tokenEmailedTo(toAddress: string, template: string, path: string): Promise<string> {
  const message = await prisma.emailOutbox.findFirstOrThrow({
    where: { toAddress, template },
    orderBy: { createdAt: "desc" },
  });
  const token = new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(message.text)?.[1];
  if (!token) throw new Error(`no ${path} link in the ${template} message`);
  return token;
}

describe(`security: account links after a takeover is undone (${ENGINE})`, () => {
  it("a password reset ends an email-change link the intruder asked for", async () => {
    const owner = await clientWithPassword();
    const intruderEmail = uniqueEmail("intruder");
    await requestEmailChange({ newEmail: intruderEmail, currentPassword: PASSWORD }, owner.id);
    const intruderLink = await tokenEmailedTo(intruderEmail, "account-email-change-confirm", "/confirm-email");

    await requestPasswordReset({ email: owner.email }, uniqueIp());
    const resetLink = await tokenEmailedTo(owner.email, "account-password-reset", "/reset-password");
    expect(await resetPassword({ token: resetLink, newPassword: NEW_PASSWORD })).toEqual({ ok: true });

    expect((await confirmEmailChange(intruderLink)).ok).toBe(false);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: owner.id } })).email).toBe(owner.email);
  });

  it("a password change ends an email-change link the intruder asked for", async () => {
    const owner = await clientWithPassword();
    const intruderEmail = uniqueEmail("intruder");
    await requestEmailChange({ newEmail: intruderEmail, currentPassword: PASSWORD }, owner.id);
    const intruderLink = await tokenEmailedTo(intruderEmail, "account-email-change-confirm", "/confirm-email");

    const changed = await changePassword(
      { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      { userId: owner.id, currentSessionId: null },
    );
    expect(changed.ok).toBe(true);

    expect((await confirmEmailChange(intruderLink)).ok).toBe(false);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: owner.id } })).email).toBe(owner.email);
  });

  it("a reset link sent to the old address stops working once the email has moved", async () => {
    const owner = await clientWithPassword();
    const oldEmail = owner.email;
    await requestPasswordReset({ email: oldEmail }, uniqueIp());
    const oldResetLink = await tokenEmailedTo(oldEmail, "account-password-reset", "/reset-password");

    const newEmail = uniqueEmail("moved");
    await requestEmailChange({ newEmail, currentPassword: PASSWORD }, owner.id);
    const confirmLink = await tokenEmailedTo(newEmail, "account-email-change-confirm", "/confirm-email");
    expect(await confirmEmailChange(confirmLink)).toEqual({ ok: true, email: newEmail });

    expect((await resetPassword({ token: oldResetLink, newPassword: NEW_PASSWORD })).ok).toBe(false);
  });
});
