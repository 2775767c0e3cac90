// Profile and security on a real database: emailed single-use links (password reset, email change,
// email verification) that work once, expire and are stored only hashed; neutral answers that don't
// tell which addresses have accounts; password changes that end the other sessions; throttles.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { hashAccountToken } from "@/lib/auth/account-tokens";
import { changePassword } from "@/lib/auth/change-password";
import { confirmEmailChange } from "@/lib/auth/confirm-email-change";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { registerClient } from "@/lib/auth/register-client";
import { PASSWORD_RESET_LIMITS, requestPasswordReset } from "@/lib/auth/request-password-reset";
import { requestEmailChange } from "@/lib/auth/request-email-change";
import { checkPasswordResetLink, resetPassword } from "@/lib/auth/reset-password";
import { sendEmailVerification } from "@/lib/auth/send-email-verification";
import { createSessionRecord, findSessionUser } from "@/lib/auth/sessions";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { updateProfile } from "@/lib/auth/update-profile";
import { verifyEmail } from "@/lib/auth/verify-email";
import { createUser, uniqueEmail } from "../support/factories";
import { ENGINE } from "../support/db-setup";

const PASSWORD = "lantern-ferry-orchard";
const NEW_PASSWORD = "copper-kettle-meadow";
const HOUR = 60 * 60_000;
let ipCounter = 0;
const uniqueIp = () => `203.0.113.${(++ipCounter % 250) + 1}-${process.pid}-${Date.now() % 100000}`;

let passwordHash: Promise<string> | undefined;
async function clientWithPassword(label: string) {
  passwordHash ??= hashPassword(PASSWORD);
  return createUser({ email: uniqueEmail(label), passwordHash: await passwordHash });
}

/** The token in the newest message of this template to this address (what the recipient clicks). */
async function tokenEmailedTo(toAddress: string, template: string, path: string): Promise<string> {
  const message = await prisma.emailOutbox.findFirstOrThrow({
    where: { toAddress, template },
    orderBy: { createdAt: "desc" },
  });
  const match = new RegExp(`${path}/([A-Za-z0-9_-]+)`).exec(message.text);
  if (!match?.[1]) throw new Error(`no ${path} link in the ${template} message`);
  expect(message.html).toContain(`${path}/${match[1]}`);
  return match[1];
}

const messagesTo = (toAddress: string) =>
  prisma.emailOutbox.findMany({ where: { toAddress }, select: { template: true, userId: true, text: true } });

const auditActions = async (userId: string) =>
  (await prisma.auditLog.findMany({ where: { entityId: userId }, orderBy: { createdAt: "asc" } })).map(
    (entry) => entry.action,
  );

describe(`password reset by emailed link (${ENGINE})`, () => {
  it("sets a new password once, ends every session, and a second use of the link is refused", async () => {
    const user = await clientWithPassword("reset");
    const sessions = [await createSessionRecord(user.id), await createSessionRecord(user.id)];
    expect(await requestPasswordReset({ email: user.email }, uniqueIp())).toEqual({ ok: true });
    const token = await tokenEmailedTo(user.email, "account-password-reset", "/reset-password");
    expect(await checkPasswordResetLink(token)).toBe("valid");

    expect(await resetPassword({ token, newPassword: NEW_PASSWORD })).toEqual({ ok: true });
    const updated = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(updated.passwordHash ?? "", NEW_PASSWORD)).toBe(true);
    // The link reached the mailbox: the address counts as confirmed, so the client can sign in.
    expect(user.emailVerified).toBeNull();
    expect(updated.emailVerified).not.toBeNull();
    for (const session of sessions) expect(await findSessionUser(session)).toBeNull();

    expect(await resetPassword({ token, newPassword: "another-fresh-phrase" })).toEqual({ ok: false, reason: "used" });
    expect(await checkPasswordResetLink(token)).toBe("used");
    const after = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(after.passwordHash ?? "", NEW_PASSWORD)).toBe(true);
    const notices = (await messagesTo(user.email)).filter((m) => m.template === "account-password-changed");
    expect(notices).toHaveLength(1);
    expect(notices[0]?.userId).toBe(user.id);
    expect(await auditActions(user.id)).toEqual(["user.password_reset_requested", "user.password_reset"]);
  });

  it("stores only a hash of the link's token, and writes neither token nor password to the audit log", async () => {
    const user = await clientWithPassword("hashed");
    await requestPasswordReset({ email: user.email }, uniqueIp());
    const token = await tokenEmailedTo(user.email, "account-password-reset", "/reset-password");
    const rows = await prisma.accountToken.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashAccountToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    await resetPassword({ token, newPassword: NEW_PASSWORD });
    const audit = JSON.stringify(await prisma.auditLog.findMany({ where: { entityId: user.id } }));
    expect(audit).not.toContain(token);
    expect(audit).not.toContain(NEW_PASSWORD);
  });

  it("expires an hour after it was sent", async () => {
    const user = await clientWithPassword("expiry");
    await requestPasswordReset({ email: user.email }, uniqueIp());
    const token = await tokenEmailedTo(user.email, "account-password-reset", "/reset-password");
    const later = new Date(Date.now() + HOUR + 60_000);
    expect(await resetPassword({ token, newPassword: NEW_PASSWORD }, later)).toEqual({
      ok: false,
      reason: "expired",
    });
    const unchanged = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(unchanged.passwordHash ?? "", PASSWORD)).toBe(true);
  });

  it("gives an unknown address the same answer and sends nothing", async () => {
    const email = uniqueEmail("nobody");
    const known = await clientWithPassword("known");
    const answerForKnown = await requestPasswordReset({ email: known.email }, uniqueIp());
    const answerForUnknown = await requestPasswordReset({ email }, uniqueIp());
    expect(answerForUnknown).toEqual(answerForKnown);
    expect(await messagesTo(email)).toEqual([]);
  });

  it("answers before looking the address up when deferred, so known and unknown addresses take the same path", async () => {
    const known = await clientWithPassword("deferred");
    const deferred: (() => Promise<void>)[] = [];
    const answer = await requestPasswordReset({ email: known.email }, uniqueIp(), {
      defer: (work) => deferred.push(work),
    });
    expect(answer).toEqual({ ok: true });
    // Nothing was looked up or written on the request's path: the link comes after the answer.
    expect(await prisma.accountToken.count({ where: { userId: known.id } })).toBe(0);
    expect(deferred).toHaveLength(1);
    await deferred[0]!();
    expect(await prisma.accountToken.count({ where: { userId: known.id, purpose: "PASSWORD_RESET" } })).toBe(1);
    expect(await messagesTo(known.email)).toHaveLength(1);
  });

  it("refuses an unknown or mangled token the same way as a used one, with no change", async () => {
    expect(await resetPassword({ token: "x".repeat(43), newPassword: NEW_PASSWORD })).toEqual({
      ok: false,
      reason: "invalid",
    });
  });

  it("throttles requests per email and per address", async () => {
    const user = await clientWithPassword("flood");
    for (let i = 0; i < PASSWORD_RESET_LIMITS.perEmail.limit; i++) {
      expect((await requestPasswordReset({ email: user.email }, uniqueIp())).ok).toBe(true);
    }
    const perEmail = await requestPasswordReset({ email: user.email }, uniqueIp());
    expect(!perEmail.ok && perEmail.reason).toBe("throttled");
    expect((await messagesTo(user.email)).length).toBe(PASSWORD_RESET_LIMITS.perEmail.limit);

    const ip = uniqueIp();
    for (let i = 0; i < PASSWORD_RESET_LIMITS.perIp.limit; i++) {
      await requestPasswordReset({ email: uniqueEmail("spray") }, ip);
    }
    const perIp = await requestPasswordReset({ email: uniqueEmail("spray") }, ip);
    expect(!perIp.ok && perIp.reason).toBe("throttled");
  });
});

describe(`password change (${ENGINE})`, () => {
  it("ends every other session and keeps the current one", async () => {
    const user = await clientWithPassword("change");
    const current = await createSessionRecord(user.id);
    const other = await createSessionRecord(user.id);
    const result = await changePassword(
      { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      { userId: user.id, currentSessionId: current },
    );
    expect(result).toEqual({ ok: true, sessionsEnded: 1 });
    expect((await findSessionUser(current))?.id).toBe(user.id);
    expect(await findSessionUser(other)).toBeNull();
    const updated = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(updated.passwordHash ?? "", NEW_PASSWORD)).toBe(true);
    expect((await messagesTo(user.email)).map((m) => m.template)).toEqual(["account-password-changed"]);
    expect(await auditActions(user.id)).toEqual(["user.password_changed"]);
  });

  it("refuses a wrong current password and changes nothing", async () => {
    const user = await clientWithPassword("wrong");
    const other = await createSessionRecord(user.id);
    const result = await changePassword(
      { currentPassword: "not-my-password", newPassword: NEW_PASSWORD },
      { userId: user.id, currentSessionId: null },
    );
    expect(result).toEqual({ ok: false, reason: "wrong_password" });
    expect((await findSessionUser(other))?.id).toBe(user.id);
    const unchanged = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(unchanged.passwordHash ?? "", PASSWORD)).toBe(true);
  });
});

describe(`email change (${ENGINE})`, () => {
  it("sends a link to the new address and a notice to the old one; the email moves when the link is followed, once", async () => {
    const user = await clientWithPassword("mover");
    const newEmail = uniqueEmail("moved");
    expect(await requestEmailChange({ newEmail, currentPassword: PASSWORD }, user.id)).toEqual({ ok: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect((await messagesTo(user.email)).map((m) => m.template)).toEqual(["account-email-change-requested"]);

    const token = await tokenEmailedTo(newEmail, "account-email-change-confirm", "/confirm-email");
    expect(await confirmEmailChange(token)).toEqual({ ok: true, email: newEmail });
    const moved = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(moved.email).toBe(newEmail);
    expect(moved.emailVerified).not.toBeNull();
    expect(await confirmEmailChange(token)).toEqual({ ok: false, reason: "used" });
    expect(await auditActions(user.id)).toEqual(["user.email_change_requested", "user.email_changed"]);
  });

  it("answers the same for an address already in use, and changes nothing", async () => {
    const user = await clientWithPassword("curious");
    const other = await createUser({ email: uniqueEmail("taken") });
    const free = await requestEmailChange({ newEmail: uniqueEmail("free"), currentPassword: PASSWORD }, user.id);
    const taken = await requestEmailChange({ newEmail: other.email, currentPassword: PASSWORD }, user.id);
    expect(taken).toEqual(free);
    // The owner hears of it, in their own messages, with no link that could move an account.
    expect(await messagesTo(other.email)).toEqual([
      {
        template: "account-email-change-address-in-use",
        userId: other.id,
        text: expect.not.stringContaining("/confirm-email"),
      },
    ]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).email).toBe(other.email);
    // The earlier, free request's link is the only one: nothing was issued for the taken address.
    const tokens = await prisma.accountToken.findMany({ where: { userId: user.id, purpose: "EMAIL_CHANGE" } });
    expect(tokens.map((t) => t.newEmail)).not.toContain(other.email);
  });

  it("refuses to confirm when the address was taken after the link was sent, keeping the old email", async () => {
    const user = await clientWithPassword("late");
    const newEmail = uniqueEmail("contested");
    await requestEmailChange({ newEmail, currentPassword: PASSWORD }, user.id);
    const token = await tokenEmailedTo(newEmail, "account-email-change-confirm", "/confirm-email");
    await createUser({ email: newEmail });
    expect(await confirmEmailChange(token)).toEqual({ ok: false, reason: "address_taken" });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("requires the current password", async () => {
    const user = await clientWithPassword("reauth");
    const newEmail = uniqueEmail("never");
    expect(await requestEmailChange({ newEmail, currentPassword: "not-my-password" }, user.id)).toEqual({
      ok: false,
      reason: "wrong_password",
    });
    expect(await messagesTo(newEmail)).toEqual([]);
  });
});

describe(`email verification (${ENGINE})`, () => {
  it("sign-up queues a link with the account; following it sets emailVerified", async () => {
    const email = uniqueEmail("newcomer");
    expect(await registerClient({ name: "Nia", email, password: PASSWORD }, uniqueIp())).toEqual({ ok: true });
    const registered = await prisma.user.findUniqueOrThrow({ where: { email } });
    expect(registered.emailVerified).toBeNull();
    const token = await tokenEmailedTo(email, "account-email-verification", "/verify-email");
    expect(await verifyEmail(token)).toEqual({ ok: true });
    expect((await prisma.user.findUniqueOrThrow({ where: { email } })).emailVerified).not.toBeNull();
    expect(await verifyEmail(token)).toEqual({ ok: false, reason: "used" });
    expect(await sendEmailVerification(registered.id)).toEqual({ ok: false, reason: "already_verified" });
  });

  it("sends the link again on request, replacing the last one, a few times an hour at most", async () => {
    const user = await clientWithPassword("resend");
    expect(await sendEmailVerification(user.id)).toEqual({ ok: true });
    const first = await tokenEmailedTo(user.email, "account-email-verification", "/verify-email");
    expect(await sendEmailVerification(user.id)).toEqual({ ok: true });
    expect(await verifyEmail(first)).toEqual({ ok: false, reason: "invalid" });
    await sendEmailVerification(user.id);
    const throttled = await sendEmailVerification(user.id);
    expect(!throttled.ok && throttled.reason).toBe("throttled");
  });
});

describe(`profile and sessions (${ENGINE})`, () => {
  it("saves name and phone with an audit entry naming what changed", async () => {
    const user = await clientWithPassword("profile");
    expect(await updateProfile(user.id, { name: "Test Person", phone: "(718) 555-0100" })).toEqual({
      changed: ["phone"],
    });
    expect(await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      phone: "(718) 555-0100",
    });
    const entries = await prisma.auditLog.findMany({ where: { entityId: user.id } });
    expect(entries.map((entry) => [entry.action, entry.data])).toEqual([
      ["user.profile_updated", { fields: ["phone"] }],
    ]);
  });

  it("signs out of every device, this one included", async () => {
    const user = await clientWithPassword("everywhere");
    const sessions = [await createSessionRecord(user.id), await createSessionRecord(user.id)];
    expect(await signOutEverywhere(user.id, uniqueIp())).toBe(2);
    for (const session of sessions) expect(await findSessionUser(session)).toBeNull();
  });
});
