// What the hours pages read: the therapists with their weeks (for admins), and one therapist's week
// and upcoming time off, scoped to the viewer: an admin any therapist, a therapist only their own.
import { prisma } from "@/lib/db";
import { NotFound } from "@/lib/errors/domain-errors";
import { seesEveryone, type StaffViewer } from "@/lib/auth/staff-viewer";

const window = { weekday: true, startMinute: true, endMinute: true } as const;

export async function listTherapistWeeks() {
  return prisma.therapist.findMany({
    orderBy: [{ active: "desc" }, { displayName: "asc" }],
    select: {
      id: true,
      displayName: true,
      title: true,
      active: true,
      workingHours: { select: window, orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] },
    },
  });
}

export async function getTherapistWeek(viewer: StaffViewer, therapistId: string, now = new Date()) {
  if (!seesEveryone(viewer) && viewer.therapistId !== therapistId)
    throw new NotFound("We couldn't find that therapist.");
  const therapist = await prisma.therapist.findUnique({
    where: { id: therapistId },
    select: {
      id: true,
      displayName: true,
      title: true,
      active: true,
      workingHours: { select: window, orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] },
      breaks: { select: { ...window, label: true }, orderBy: [{ weekday: "asc" }, { startMinute: "asc" }] },
      timeOff: {
        where: { endsAt: { gt: now } },
        orderBy: { startsAt: "asc" },
        select: { id: true, startsAt: true, endsAt: true, reason: true },
      },
    },
  });
  if (!therapist) throw new NotFound("We couldn't find that therapist.");
  return therapist;
}
