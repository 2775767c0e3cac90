// Who may manage staff accounts: an admin whose own account is still an active admin at the moment
// of the change (another admin may have changed it since the page loaded). Anyone else gets the
// same 404 the staff route guard gives.
import type { Actor } from "@/lib/auth/actor";
import type { Prisma } from "@/lib/generated/prisma/client";
import { NotFound, Unprocessable } from "@/lib/errors/domain-errors";

export async function assertActiveAdmin(tx: Prisma.TransactionClient, actor: Actor): Promise<void> {
  if (actor.role !== "ADMIN") throw new NotFound();
  const admin = await tx.user.findFirst({
    where: { id: actor.id, role: "ADMIN", disabledAt: null },
    select: { id: true },
  });
  if (!admin) throw new NotFound();
}

/** A staff member an admin may manage (never a client account, whatever id is sent). */
export async function findStaffMemberOrThrow(tx: Prisma.TransactionClient, userId: string) {
  const member = await tx.user.findFirst({
    where: { id: userId, role: { in: ["THERAPIST", "ADMIN"] } },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      disabledAt: true,
      passwordHash: true,
      totpEnabledAt: true,
      therapist: { select: { id: true } },
    },
  });
  if (!member) throw new NotFound("We couldn't find that staff member.");
  return member;
}

/** An admin acting on their own account: refused, so the clinic always keeps the admin making changes. */
export function refuseSelf(actor: Actor, userId: string, what: string): void {
  if (actor.id === userId) {
    throw new Unprocessable(`You can't ${what} your own account. Ask another admin to do it.`);
  }
}

/** At least one other admin who can sign in must remain after this change. */
export async function assertAnotherActiveAdmin(tx: Prisma.TransactionClient, userId: string): Promise<void> {
  const others = await tx.user.count({ where: { role: "ADMIN", disabledAt: null, id: { not: userId } } });
  if (others === 0) {
    throw new Unprocessable("The clinic needs at least one active admin. Make someone else an admin first.");
  }
}
