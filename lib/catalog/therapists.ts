// Reading therapists with their hours for a given weekday.
import { prisma } from "@/lib/db";

export async function listTherapistsWithHours(weekday: number) {
  return prisma.therapist.findMany({
    where: { active: true },
    orderBy: { displayName: "asc" },
    select: {
      id: true,
      slug: true,
      displayName: true,
      title: true,
      workingHours: {
        where: { weekday },
        orderBy: { startMinute: "asc" },
        select: { startMinute: true, endMinute: true },
      },
      breaks: {
        where: { weekday },
        orderBy: { startMinute: "asc" },
        select: { startMinute: true, endMinute: true, label: true },
      },
    },
  });
}
