// Where a person lands after signing in when no page asked for them: staff start at the day's
// schedule, clients at their appointments.
import { prisma } from "@/lib/db";

export async function homePathFor(email: string): Promise<string> {
  const user = await prisma.user.findUnique({ where: { email }, select: { role: true } });
  return user && user.role !== "CLIENT" ? "/staff" : "/account";
}
