// An admin invites a therapist: the account (role THERAPIST, no password yet) and its therapist
// profile are created with a single-use invitation link, emailed through the outbox in the same
// transaction. The invitee opens /accept-invite/<token> and chooses a password
// (lib/auth/accept-staff-invite.ts). Re-sending replaces the unused link with a new one.
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { ACCOUNT_TOKEN_LIFETIME_MS, hashAccountToken, issueAccountToken } from "@/lib/auth/account-tokens";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { getEnv } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { Unprocessable } from "@/lib/errors/domain-errors";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { staffInviteMessage } from "@/lib/notifications/templates/staff-messages";
import { assertActiveAdmin, findStaffMemberOrThrow } from "./staff-admin";
import type { Actor } from "@/lib/auth/actor";

export interface InviteTherapistInput {
  name: string;
  email: string;
  title: string;
}

export const ACCEPT_INVITE_PATH = "/accept-invite";
const INVITE_VALID_DAYS = ACCOUNT_TOKEN_LIFETIME_MS.STAFF_INVITE / (24 * 60 * 60_000);
const EMAIL_TAKEN = "An account with this email already exists.";

export function staffInviteUrl(token: string): string {
  return new URL(`${ACCEPT_INVITE_PATH}/${encodeURIComponent(token)}`, getEnv().APP_URL).toString();
}

/** "Maya Lindqvist" → "maya-lindqvist", with a short suffix when that slug is taken. */
async function freeTherapistSlug(tx: Prisma.TransactionClient, name: string): Promise<string> {
  const base =
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "therapist";
  const taken = await tx.therapist.findUnique({ where: { slug: base }, select: { id: true } });
  return taken ? `${base}-${randomBytes(3).toString("hex")}` : base;
}

async function sendInvite(
  tx: Prisma.TransactionClient,
  invitee: { id: string; email: string; name: string },
  invitedBy: string | null,
  now: Date,
): Promise<void> {
  const token = await issueAccountToken(tx, { userId: invitee.id, purpose: "STAFF_INVITE", now });
  const message = await staffInviteMessage({
    name: invitee.name,
    invitedBy,
    link: staffInviteUrl(token),
    validDays: INVITE_VALID_DAYS,
  });
  await enqueueEmail(tx, {
    toAddress: invitee.email,
    ...message,
    template: "staff-invite",
    userId: invitee.id,
    dedupeKey: `staff-invite:${hashAccountToken(token)}`,
  });
}

export async function inviteTherapist(
  actor: Actor,
  input: InviteTherapistInput,
  now = new Date(),
): Promise<{ userId: string }> {
  try {
    return await runTransaction(prisma, async (tx) => {
      await assertActiveAdmin(tx, actor);
      const existing = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
      if (existing) throw new Unprocessable(EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
      const inviter = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
      const user = await tx.user.create({
        data: {
          email: input.email,
          name: input.name,
          role: "THERAPIST",
          therapist: {
            create: {
              slug: await freeTherapistSlug(tx, input.name),
              displayName: input.name,
              title: input.title,
              bio: "",
              specialties: [],
              active: true,
            },
          },
        },
        select: { id: true, email: true, therapist: { select: { id: true } } },
      });
      await sendInvite(tx, { id: user.id, email: user.email, name: input.name }, inviter.name, now);
      await recordAudit(tx, {
        actorId: actor.id,
        action: "staff.invited",
        entityType: "User",
        entityId: user.id,
        data: { role: "THERAPIST", therapistId: user.therapist?.id ?? null },
      });
      return { userId: user.id };
    });
  } catch (error) {
    // Two admins inviting the same address at once: the unique email decides.
    if (isUniqueViolation(error)) throw new Unprocessable(EMAIL_TAKEN, { email: [EMAIL_TAKEN] });
    throw error;
  }
}

/** A new link for someone who has not set a password yet; the old link stops working. */
export async function resendStaffInvite(actor: Actor, userId: string, now = new Date()): Promise<void> {
  await runTransaction(prisma, async (tx) => {
    await assertActiveAdmin(tx, actor);
    const member = await findStaffMemberOrThrow(tx, userId);
    if (member.passwordHash) throw new Unprocessable(`${member.name ?? member.email} has already set a password.`);
    if (member.disabledAt) throw new Unprocessable("This account is turned off. Turn it on before inviting again.");
    const inviter = await tx.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true } });
    await sendInvite(tx, { id: member.id, email: member.email, name: member.name ?? member.email }, inviter.name, now);
    await recordAudit(tx, {
      actorId: actor.id,
      action: "staff.invite_resent",
      entityType: "User",
      entityId: member.id,
    });
  });
}
