// Who is looking at the staff pages, and what that lets them see: an admin everything, a therapist
// their own schedule, appointments and clients. Every staff read takes a viewer, so no page can
// forget the scope.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

export interface StaffViewer {
  userId: string;
  role: Role;
  /** The viewer's own therapist profile, when they have one. */
  therapistId: string | null;
}

export async function loadStaffViewer(user: { id: string; role: Role }): Promise<StaffViewer> {
  const therapist = await prisma.therapist.findUnique({ where: { userId: user.id }, select: { id: true } });
  return { userId: user.id, role: user.role, therapistId: therapist?.id ?? null };
}

export const seesEveryone = (viewer: StaffViewer) => viewer.role === "ADMIN";

/** The bookings a viewer may see. */
export function bookingScopeOf(viewer: StaffViewer): Prisma.BookingWhereInput {
  return seesEveryone(viewer) ? {} : { therapist: { userId: viewer.userId } };
}

// Matches no therapist (ids are cuids): a therapist account without a profile has an empty schedule.
const NO_THERAPIST = "(no therapist profile)";

/**
 * The therapist whose schedule to show: an admin may pick anyone (or nobody: the whole clinic); a
 * therapist always sees their own, whatever was asked.
 */
export function scheduleTherapistFor(viewer: StaffViewer, requested: string | undefined): string | undefined {
  if (seesEveryone(viewer)) return requested || undefined;
  return viewer.therapistId ?? NO_THERAPIST;
}
