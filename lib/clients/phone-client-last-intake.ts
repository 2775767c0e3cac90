// A returning client's last health answers, read back on a phone booking, so they need not answer
// afresh. Health data: shown only to a viewer in the client's scope, and audited like an opened
// appointment (once per viewer and answers within AUDIT_AGAIN_AFTER_MINUTES).
import { HEALTH_DATA_VIEW_ACTIONS } from "@/lib/audit/health-data-views";
import { recordAudit } from "@/lib/audit/record-audit";
import { findLastIntake, type LastIntake } from "@/lib/booking/last-intake";
import { prisma } from "@/lib/db";
import { clientScopeOf } from "./clients";
import { seesEveryone, type StaffViewer } from "@/lib/auth/staff-viewer";
import { clearedConditionsOf } from "@/lib/clinical/clearance";

export const AUDIT_AGAIN_AFTER_MINUTES = 30;

/** Whether the viewer may read this client's health answers. */
async function mayReadAnswersOf(viewer: StaffViewer, clientId: string): Promise<boolean> {
  if (seesEveryone(viewer)) return true;
  return (await prisma.user.count({ where: { AND: [{ id: clientId }, clientScopeOf(viewer)] } })) > 0;
}

/**
 * The client's last answers, or null (answer afresh): none recent, or the viewer may book for this
 * client (getBookableClient) but not read their health answers.
 */
export async function openLastIntakeForPhoneBooking(
  viewer: StaffViewer,
  clientId: string,
  now = new Date(),
): Promise<LastIntake | null> {
  if (!(await mayReadAnswersOf(viewer, clientId))) return null;
  const last = await findLastIntake(clientId, now);
  if (!last) return null;
  const since = new Date(now.getTime() - AUDIT_AGAIN_AFTER_MINUTES * 60 * 1000);
  const seenJustNow = await prisma.auditLog.count({
    where: {
      actorId: viewer.userId,
      action: HEALTH_DATA_VIEW_ACTIONS.intake,
      entityType: "Booking",
      entityId: last.bookingId,
      createdAt: { gte: since },
    },
  });
  if (seenJustNow === 0) {
    await recordAudit(prisma, {
      actorId: viewer.userId,
      action: HEALTH_DATA_VIEW_ACTIONS.intake,
      entityType: "Booking",
      entityId: last.bookingId,
      data: { clientId },
    });
  }
  return last;
}

/**
 * The conditions a client's doctor's go-ahead on file clears, for the phone booking to screen with
 * as the booking will; only for staff who may read the client's answers (else none: the form then
 * stops where the go-ahead would have let it go on, the cautious side).
 */
export async function clearedConditionsForPhoneBooking(
  viewer: StaffViewer,
  clientId: string,
  now = new Date(),
): Promise<string[]> {
  if (!(await mayReadAnswersOf(viewer, clientId))) return [];
  return clearedConditionsOf(clientId, now);
}
