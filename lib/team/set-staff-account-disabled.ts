// An admin turns a staff account off (its sessions end at once) or back on. Never one's own, never the
// last active admin, and not a therapist with visits still to come: nobody should turn up for a
// visit that no one will give.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { Unprocessable } from "@/lib/errors/domain-errors";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { staffAccountDisabledMessage, staffAccountEnabledMessage } from "@/lib/notifications/templates/staff-messages";
import { assertActiveAdmin, assertAnotherActiveAdmin, findStaffMemberOrThrow, refuseSelf } from "./staff-admin";
import type { Actor } from "@/lib/auth/actor";

export interface UpcomingAppointment {
  id: string;
  startsAt: Date;
  serviceName: string;
  clientName: string;
}

/** Refusal to turn off a therapist who still has appointments to give. */
export class StaffHasUpcomingAppointments extends Unprocessable {
  override name = "StaffHasUpcomingAppointments";
  constructor(readonly appointments: UpcomingAppointment[]) {
    super(
      `This therapist has ${appointments.length === 1 ? "1 appointment" : `${appointments.length} appointments`} still to come. Move or cancel ${appointments.length === 1 ? "it" : "them"} first, then turn the account off.`,
    );
  }
}

const UPCOMING_LIMIT = 50;

/** Returns the number of sessions ended (0 when the account was already off). */
export async function disableStaffAccount(actor: Actor, userId: string, now = new Date()): Promise<number> {
  return runTransaction(
    prisma,
    async (tx) => {
      await assertActiveAdmin(tx, actor);
      refuseSelf(actor, userId, "turn off");
      const member = await findStaffMemberOrThrow(tx, userId);
      if (member.disabledAt) return 0;
      if (member.role === "ADMIN") await assertAnotherActiveAdmin(tx, userId);
      if (member.therapist) {
        const upcoming = await tx.booking.findMany({
          where: {
            therapistId: member.therapist.id,
            endsAt: { gt: now },
            OR: [
              { status: { in: ["CONFIRMED", "CHECKED_IN"] } },
              { status: "PENDING_PAYMENT", holdExpiresAt: { gt: now } },
            ],
          },
          orderBy: { startsAt: "asc" },
          take: UPCOMING_LIMIT,
          select: { id: true, startsAt: true, serviceName: true, client: { select: { name: true, email: true } } },
        });
        if (upcoming.length > 0) {
          throw new StaffHasUpcomingAppointments(
            upcoming.map((booking) => ({
              id: booking.id,
              startsAt: booking.startsAt,
              serviceName: booking.serviceName,
              clientName: booking.client.name ?? booking.client.email,
            })),
          );
        }
        await tx.therapist.update({ where: { id: member.therapist.id }, data: { active: false } });
      }
      await tx.user.update({ where: { id: userId }, data: { disabledAt: now } });
      const { count: sessionsEnded } = await tx.session.deleteMany({ where: { userId } });
      // An invitation not yet accepted stops working too.
      await tx.accountToken.deleteMany({ where: { userId, usedAt: null } });
      await recordAudit(tx, {
        actorId: actor.id,
        action: "staff.disabled",
        entityType: "User",
        entityId: userId,
        data: { sessionsEnded },
      });
      await enqueueEmail(tx, {
        toAddress: member.email,
        ...(await staffAccountDisabledMessage({ name: member.name })),
        template: "staff-account-disabled",
        userId,
        dedupeKey: `staff-account-disabled:${userId}:${now.getTime()}`,
      });
      return sessionsEnded;
    },
    { isolationLevel: "Serializable" },
  );
}

/** Returns false when the account was already on. */
export async function enableStaffAccount(actor: Actor, userId: string, now = new Date()): Promise<boolean> {
  return runTransaction(prisma, async (tx) => {
    await assertActiveAdmin(tx, actor);
    const member = await findStaffMemberOrThrow(tx, userId);
    if (!member.disabledAt) return false;
    await tx.user.update({ where: { id: userId }, data: { disabledAt: null } });
    if (member.therapist) await tx.therapist.update({ where: { id: member.therapist.id }, data: { active: true } });
    await recordAudit(tx, { actorId: actor.id, action: "staff.enabled", entityType: "User", entityId: userId });
    await enqueueEmail(tx, {
      toAddress: member.email,
      ...(await staffAccountEnabledMessage({ name: member.name })),
      template: "staff-account-enabled",
      userId,
      dedupeKey: `staff-account-enabled:${userId}:${now.getTime()}`,
    });
    return true;
  });
}
