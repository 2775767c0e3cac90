// A returning client's last answers for the staff phone booking, read back to them question by
// question. Health data: opening them writes the same audit entry as opening an appointment's
// answers (the client sees it in their account).
import { HEALTH_DATA_VIEW_ACTIONS } from "@/lib/audit/health-data-views";
import { recordAudit } from "@/lib/audit/record-audit";
import { findLastIntake, type LastIntake } from "@/lib/booking/last-intake";
import { prisma } from "@/lib/db";
import type { StaffViewer } from "./staff-viewer";

/** The client must already be one the viewer may book for (getBookableClient). */
export async function openLastIntakeForPhoneBooking(
  viewer: StaffViewer,
  clientId: string,
  now = new Date(),
): Promise<LastIntake | null> {
  const last = await findLastIntake(clientId, now);
  if (!last) return null;
  await recordAudit(prisma, {
    actorId: viewer.userId,
    action: HEALTH_DATA_VIEW_ACTIONS.intake,
    entityType: "Booking",
    entityId: last.bookingId,
    data: { clientId },
  });
  return last;
}
