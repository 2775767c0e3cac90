// Staff accounts managed by an admin: an invitation creates the therapist and emails a single-use
// link; following it sets a password that signs in. Turning an account off ends its sessions and
// stops sign-in (refused while the therapist has appointments to come); roles change with the
// clinic's admins protected; a therapist can do none of it.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { acceptStaffInvite } from "@/lib/auth/accept-staff-invite";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { createSessionRecord, findSessionUser } from "@/lib/auth/sessions";
import { prisma } from "@/lib/db";
import { NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import { changeStaffRole } from "@/lib/team/change-staff-role";
import { inviteTherapist, resendStaffInvite } from "@/lib/team/invite-therapist";
import {
  disableStaffAccount,
  enableStaffAccount,
  StaffHasUpcomingAppointments,
} from "@/lib/team/set-staff-account-disabled";
import type { Actor } from "@/lib/auth/actor";
import { ENGINE } from "../support/db-setup";
import { bookingData, createService, createUser, uniqueEmail } from "../support/factories";
import { caught } from "../support/staff-scenario";

const PASSWORD = "copper-kettle-meadow-lane";
const uniqueIp = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}-${randomUUID().slice(0, 6)}`;

async function newAdmin(): Promise<Actor> {
  const admin = await createUser({ role: "ADMIN" });
  return { id: admin.id, role: "ADMIN" };
}

async function staffWithPassword(role: "THERAPIST" | "ADMIN") {
  const user = await createUser({ role, passwordHash: await hashPassword(PASSWORD) });
  if (role === "THERAPIST") {
    await prisma.therapist.create({
      data: {
        userId: user.id,
        slug: `t-${randomUUID().slice(0, 8)}`,
        displayName: "Test Therapist",
        title: "LMT",
        bio: "",
        specialties: [],
      },
    });
  }
  return user;
}

/** The token in the invitation link of the latest invitation email to this address. */
async function invitationToken(email: string): Promise<string> {
  const message = await prisma.emailOutbox.findFirstOrThrow({
    where: { toAddress: email, template: "staff-invite" },
    orderBy: { createdAt: "desc" },
  });
  const match = /\/accept-invite\/([A-Za-z0-9_-]+)/.exec(message.text);
  expect(match, "the invitation carries a link").not.toBeNull();
  return match?.[1] as string;
}

const signIn = (email: string, password = PASSWORD) =>
  authenticateWithPassword({ email, password }, { clientIp: uniqueIp() });

describe(`staff accounts (${ENGINE})`, () => {
  it("invites a therapist, who follows the link once, sets a password and signs in", async () => {
    const admin = await newAdmin();
    const email = uniqueEmail("invitee");
    const { userId } = await inviteTherapist(admin, {
      name: "Noor Haddad",
      email,
      title: "Licensed Massage Therapist",
    });

    const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { therapist: true } });
    expect(user).toMatchObject({ role: "THERAPIST", passwordHash: null, disabledAt: null });
    expect(user.therapist).toMatchObject({ displayName: "Noor Haddad", active: true });
    expect(user.therapist?.slug).toMatch(/^noor-haddad/);
    const message = await prisma.emailOutbox.findFirstOrThrow({ where: { toAddress: email } });
    expect(message).toMatchObject({ template: "staff-invite", userId });
    expect(message.html).toContain("Set your password");
    expect(await signIn(email)).toEqual({ ok: false, reason: "invalid" });

    const token = await invitationToken(email);
    expect(await acceptStaffInvite(token, PASSWORD)).toEqual({ ok: true, email });
    expect(await acceptStaffInvite(token, "another-long-password")).toEqual({ ok: false, reason: "used" });
    const signedIn = await signIn(email);
    expect(signedIn.ok && signedIn.user.role).toBe("THERAPIST");

    const actions = await prisma.auditLog.findMany({
      where: { entityId: userId },
      select: { action: true, actorId: true },
    });
    expect(actions).toEqual(
      expect.arrayContaining([
        { action: "staff.invited", actorId: admin.id },
        { action: "user.invite_accepted", actorId: userId },
      ]),
    );
    // The audit log never holds the link.
    expect(JSON.stringify(await prisma.auditLog.findMany({ where: { entityId: userId } }))).not.toContain(token);
  });

  it("refuses an email that already has an account, with the reason under the email field", async () => {
    const admin = await newAdmin();
    const existing = await createUser();
    const error = await caught(inviteTherapist(admin, { name: "Again", email: existing.email, title: "LMT" }));
    expect(error).toBeInstanceOf(Unprocessable);
    expect((error as Unprocessable).fields?.email).toEqual(["An account with this email already exists."]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: existing.id } })).role).toBe("CLIENT");
  });

  it("re-sends an invitation with a new link; the earlier one stops working", async () => {
    const admin = await newAdmin();
    const email = uniqueEmail("resend");
    const { userId } = await inviteTherapist(admin, { name: "Ola Berg", email, title: "LMT" });
    const first = await invitationToken(email);
    await resendStaffInvite(admin, userId);
    const second = await invitationToken(email);
    expect(second).not.toBe(first);
    expect(await acceptStaffInvite(first, PASSWORD)).toEqual({ ok: false, reason: "invalid" });
    expect((await acceptStaffInvite(second, PASSWORD)).ok).toBe(true);
    await expect(resendStaffInvite(admin, userId)).rejects.toThrow("has already set a password");
  });

  it("turning an account off ends every session at once and stops sign-in; turning it on allows it again", async () => {
    const admin = await newAdmin();
    const therapist = await staffWithPassword("THERAPIST");
    const sessions = [await createSessionRecord(therapist.id), await createSessionRecord(therapist.id)];
    expect(await findSessionUser(sessions[0] as string)).not.toBeNull();

    expect(await disableStaffAccount(admin, therapist.id)).toBe(2);
    for (const session of sessions) expect(await findSessionUser(session)).toBeNull();
    expect(await signIn(therapist.email)).toEqual({ ok: false, reason: "invalid" });
    // A sign-in already past its checks when the account was turned off gets no working session either.
    expect(await findSessionUser(await createSessionRecord(therapist.id))).toBeNull();
    expect((await prisma.therapist.findUniqueOrThrow({ where: { userId: therapist.id } })).active).toBe(false);
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: therapist.id, action: "staff.disabled" },
    });
    expect(audit).toMatchObject({ actorId: admin.id, data: { sessionsEnded: 2 } });

    expect(await enableStaffAccount(admin, therapist.id)).toBe(true);
    expect((await signIn(therapist.email)).ok).toBe(true);
    expect((await prisma.therapist.findUniqueOrThrow({ where: { userId: therapist.id } })).active).toBe(true);
  });

  it("refuses to turn off a therapist with appointments to come, naming them", async () => {
    const admin = await newAdmin();
    const therapist = await staffWithPassword("THERAPIST");
    const profile = await prisma.therapist.findUniqueOrThrow({ where: { userId: therapist.id } });
    const service = await createService();
    const client = await createUser();
    const startsAt = new Date(Date.now() + 3 * 86_400_000);
    const upcoming = await prisma.booking.create({
      data: bookingData({ clientId: client.id, therapistId: profile.id, service, startsAt }),
    });
    await prisma.booking.create({
      data: bookingData({
        clientId: client.id,
        therapistId: profile.id,
        service,
        startsAt: new Date(Date.now() - 3 * 86_400_000),
        status: "COMPLETED",
      }),
    });

    const error = await caught(disableStaffAccount(admin, therapist.id));
    expect(error).toBeInstanceOf(StaffHasUpcomingAppointments);
    expect((error as StaffHasUpcomingAppointments).appointments.map((a) => a.id)).toEqual([upcoming.id]);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: therapist.id } })).disabledAt).toBeNull();

    await prisma.booking.update({ where: { id: upcoming.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    expect(await disableStaffAccount(admin, therapist.id)).toBe(0);
  });

  it("changes roles both ways, giving a new therapist a profile, and tells the person", async () => {
    const admin = await newAdmin();
    const other = await staffWithPassword("ADMIN");
    expect(await changeStaffRole(admin, other.id, "THERAPIST")).toBe(true);
    const demoted = await prisma.user.findUniqueOrThrow({ where: { id: other.id }, include: { therapist: true } });
    expect(demoted.role).toBe("THERAPIST");
    expect(demoted.therapist).not.toBeNull();
    expect(await changeStaffRole(admin, other.id, "THERAPIST")).toBe(false);
    expect(await changeStaffRole(admin, other.id, "ADMIN")).toBe(true);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: other.id } })).role).toBe("ADMIN");
    const changes = await prisma.auditLog.findMany({
      where: { entityId: other.id, action: "staff.role_changed" },
      orderBy: { createdAt: "asc" },
      select: { data: true },
    });
    expect(changes.map((c) => c.data)).toEqual([
      { from: "ADMIN", to: "THERAPIST" },
      { from: "THERAPIST", to: "ADMIN" },
    ]);
    expect(await prisma.emailOutbox.count({ where: { userId: other.id, template: "staff-role-changed" } })).toBe(2);
    // A client account is not a staff member, whatever id is sent.
    const client = await createUser();
    expect(await caught(changeStaffRole(admin, client.id, "ADMIN"))).toBeInstanceOf(NotFound);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: client.id } })).role).toBe("CLIENT");
  });

  it("never lets an admin demote or turn off their own account, and two admins demoting each other leave one", async () => {
    const admin = await newAdmin();
    await expect(changeStaffRole(admin, admin.id, "THERAPIST")).rejects.toThrow(
      "You can't change the role of your own account",
    );
    await expect(disableStaffAccount(admin, admin.id)).rejects.toThrow("You can't turn off your own account");

    const other = await newAdmin();
    const results = await Promise.allSettled([
      changeStaffRole(admin, other.id, "THERAPIST"),
      changeStaffRole(other, admin.id, "THERAPIST"),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const roles = await prisma.user.findMany({ where: { id: { in: [admin.id, other.id] } }, select: { role: true } });
    expect(roles.map((r) => r.role).sort()).toEqual(["ADMIN", "THERAPIST"]);
  });

  it("refuses every account action to a therapist, changing nothing", async () => {
    const therapist = await staffWithPassword("THERAPIST");
    const actor: Actor = { id: therapist.id, role: "THERAPIST" };
    const target = await staffWithPassword("THERAPIST");
    const email = uniqueEmail("not-invited");
    // Each starts only when awaited: a refusal must never be left unobserved.
    const attempts = [
      () => inviteTherapist(actor, { name: "Nobody", email, title: "LMT" }),
      () => resendStaffInvite(actor, target.id),
      () => changeStaffRole(actor, target.id, "ADMIN"),
      () => disableStaffAccount(actor, target.id),
      () => enableStaffAccount(actor, target.id),
    ];
    for (const attempt of attempts) expect(await caught(attempt())).toBeInstanceOf(NotFound);
    // Even a session claiming the admin role is checked against the account itself.
    expect(await caught(changeStaffRole({ id: therapist.id, role: "ADMIN" }, target.id, "ADMIN"))).toBeInstanceOf(
      NotFound,
    );
    expect(await prisma.user.findUnique({ where: { email } })).toBeNull();
    expect(await prisma.user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      role: "THERAPIST",
      disabledAt: null,
    });
  });
});
