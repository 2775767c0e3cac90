// A client deletes their account: future visits are cancelled by the usual policy (so deleting is no
// way round a late fee), then the user row is anonymised, not deleted, because the clinic must keep
// bookings, payments and clinical records. The caller has checked the password and confirmation.
import { recordAudit } from "@/lib/audit/record-audit";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { InvalidTransition, NotFound, Unprocessable } from "@/lib/errors/domain-errors";

const ACTIVE_FUTURE = ["CONFIRMED", "PENDING_PAYMENT"] as const;

export const deletedEmailOf = (userId: string) => `deleted-${userId}@deleted.invalid`;

export interface DeletedAccount {
  cancelledBookingIds: string[];
  refundedCents: number;
}

export async function deleteClientAccount(userId: string, now = new Date()): Promise<DeletedAccount> {
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { role: true, deletedAt: true } });
  if (!user || user.deletedAt) throw new NotFound("We couldn't find that account.");
  // Staff accounts are closed by an admin, who hands over their appointments first.
  if (user.role !== "CLIENT") throw new Unprocessable("A staff account is closed by the clinic's admin.");

  const upcoming = await prisma.booking.findMany({
    where: { clientId: userId, status: { in: [...ACTIVE_FUTURE] }, startsAt: { gt: now } },
    orderBy: { startsAt: "asc" },
    select: { id: true },
  });
  const cancelledBookingIds: string[] = [];
  let refundedCents = 0;
  for (const { id } of upcoming) {
    try {
      const result = await cancelBooking({
        bookingId: id,
        actor: { id: userId, role: "CLIENT" },
        accountDeletion: true,
        now,
      });
      cancelledBookingIds.push(id);
      refundedCents += result.refundCents;
    } catch (error) {
      // Cancelled or lapsed meanwhile (a second tab, the hold sweeper): nothing left to do for it.
      if (!(error instanceof InvalidTransition)) throw error;
    }
  }

  await runTransaction(prisma, async (tx) => {
    const anonymised = await tx.user.updateMany({
      where: { id: userId, deletedAt: null },
      data: {
        email: deletedEmailOf(userId),
        name: null,
        phone: null,
        image: null,
        passwordHash: null,
        emailVerified: null,
        totpSecretEncrypted: null,
        totpEnabledAt: null,
        deletedAt: now,
      },
    });
    if (anonymised.count !== 1) throw new NotFound("We couldn't find that account.");
    await tx.session.deleteMany({ where: { userId } });
    await tx.accountToken.deleteMany({ where: { userId } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.account.deleteMany({ where: { userId } });
    await recordAudit(tx, {
      actorId: userId,
      action: "user.account_deleted",
      entityType: "User",
      entityId: userId,
      data: { by: "client", cancelledBookings: cancelledBookingIds.length, refundedCents },
    });
  });
  return { cancelledBookingIds, refundedCents };
}
