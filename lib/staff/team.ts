// The clinic's staff accounts, for admins.
import { prisma } from "@/lib/db";

export async function listStaffMembers() {
  return prisma.user.findMany({
    where: { role: { in: ["THERAPIST", "ADMIN"] } },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      therapist: { select: { displayName: true, title: true, active: true } },
    },
  });
}
