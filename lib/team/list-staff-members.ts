// The clinic's staff accounts, for admins: who they are, whether they have accepted their invitation,
// whether their account is on, and whether they sign in with two-factor.
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export interface StaffMember {
  id: string;
  name: string | null;
  email: string;
  role: Role;
  disabledAt: Date | null;
  /** Invited, and no password chosen yet. */
  invitePending: boolean;
  twoFactor: boolean;
  therapist: { displayName: string; title: string; active: boolean } | null;
}

export async function listStaffMembers(): Promise<StaffMember[]> {
  const rows = await prisma.user.findMany({
    where: { role: { in: ["THERAPIST", "ADMIN"] } },
    orderBy: [{ role: "asc" }, { name: "asc" }],
    select: {
      id: true,
      name: true,
      email: true,
      role: true,
      disabledAt: true,
      passwordHash: true,
      totpEnabledAt: true,
      therapist: { select: { displayName: true, title: true, active: true } },
    },
  });
  return rows.map(({ passwordHash, totpEnabledAt, ...member }) => ({
    ...member,
    invitePending: passwordHash === null,
    twoFactor: totpEnabledAt !== null,
  }));
}
