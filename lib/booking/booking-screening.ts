// The screening gate every booking passes before anything is held: the questionnaire's outcome
// with the client's doctor's clearances counted, and, after a stop, every unpaid hold of the client
// released so nothing held before the stop can still be paid.
import { recordAuditEntries } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { activeClearanceQuestionIds } from "@/lib/clinical/clearance";
import { screen } from "@/lib/clinical/questionnaire";
import { getSql, prisma } from "@/lib/db";
import { sql } from "@/lib/db/sql";
import { lockClientQueue } from "./booking-locks";
import type { CreateBookingInput } from "./booking-request";
import { expireCheckoutsOf } from "./checkout-hold";

/**
 * The screening, with the doctor's go-ahead staff recorded for this client counting for its
 * condition (a clearance stop becomes a caution the therapist sees). Clearances are read only when
 * the answers stop at a clearance: every other booking sends no extra statement.
 */
export async function screenWithClearances(input: CreateBookingInput, now: Date) {
  const first = screen(input.intake.answers, { serviceSlug: input.serviceSlug });
  if (first.outcome !== "clearance") return first;
  const cleared = await activeClearanceQuestionIds(prisma, input.client.id, now);
  if (cleared.size === 0) return first;
  return screen(input.intake.answers, { serviceSlug: input.serviceSlug, clearedQuestionIds: [...cleared] });
}

/**
 * After a screening stop: the stop's audit entry (never the answers) and, in the same transaction,
 * every unpaid hold of the client released, in the client's booking queue; then their checkouts
 * are closed, so nothing held before the stop can still be paid.
 */
export async function releaseHoldsAfterStop(
  clientId: string,
  actorId: string | null,
  { audit = true }: { audit?: boolean } = {},
): Promise<void> {
  const sessionIds = await getSql().transaction(async (tx) => {
    await lockClientQueue(tx, clientId);
    const released = await tx.query<{ id: string }>(sql`
      UPDATE "Booking" SET "status" = 'EXPIRED', "updatedAt" = now()
      WHERE "clientId" = ${clientId} AND "status" = 'PENDING_PAYMENT'
      RETURNING "id"`);
    const payments = released.length
      ? await tx.query<{ sessionId: string | null }>(sql`
          UPDATE "Payment" SET "status" = 'EXPIRED', "updatedAt" = now()
          WHERE "bookingId" = ANY(${released.map((row) => row.id)}::text[]) AND "status" = 'PENDING'
          RETURNING "stripeCheckoutSessionId" AS "sessionId"`)
      : [];
    await recordAuditEntries(tx, [
      ...(audit ? [{ actorId, action: "booking.intake_blocked", entityType: "User", entityId: clientId }] : []),
      ...released.map((row) => ({
        actorId,
        action: "booking.hold_released",
        entityType: "Booking",
        entityId: row.id,
        data: { reason: "screening_stop" },
      })),
    ]);
    return payments.flatMap((payment) => (payment.sessionId ? [payment.sessionId] : []));
  });
  if (sessionIds.length > 0) invalidateAvailability();
  await expireCheckoutsOf(sessionIds);
}
