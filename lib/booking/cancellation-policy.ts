// The cancellation and refund policy, pure: who gets how much back when an appointment is cancelled,
// and until when it may be moved. The same rule for clients and staff; staff may also state an amount.
//  - cancelled at least the cut-off (BOOKING_CANCELLATION_CUTOFF_HOURS) before the start: full refund;
//  - later: no refund;
//  - cancelled because of new calf pain, swelling, warmth or redness: the fee is always waived (full
//    refund), whenever it happens, because that needs a doctor, not a massage;
//  - staff may override the amount (a goodwill refund, say), never above what is left to refund.
import { formatMoney } from "@/lib/money";

const HOUR_MS = 3_600_000;

export type RefundRule = "full_notice" | "late_no_refund" | "calf_symptoms_waiver" | "staff_override" | "nothing_paid";

export interface CancellationRefundInput {
  startsAt: Date;
  now: Date;
  cutoffHours: number;
  /** What is still refundable of the payment: paid minus refunds already decided. */
  refundableCents: number;
  newCalfSymptoms?: boolean;
  /** An amount staff chose; the caller checks that the actor may choose one. */
  overrideCents?: number;
  /** For the message when a chosen amount is out of range. */
  currency?: string;
}

export interface CancellationRefund {
  refundCents: number;
  rule: RefundRule;
}

/** The last moment to cancel for a full refund, or to move the appointment online. */
export function cancellationDeadline(startsAt: Date, cutoffHours: number): Date {
  return new Date(startsAt.getTime() - cutoffHours * HOUR_MS);
}

/** Before the cut-off (inclusive: exactly the cut-off ahead still counts as in time). */
export function isBeforeCutoff(startsAt: Date, now: Date, cutoffHours: number): boolean {
  return now.getTime() <= cancellationDeadline(startsAt, cutoffHours).getTime();
}

export function decideCancellationRefund(input: CancellationRefundInput): CancellationRefund {
  const refundable = Math.max(0, input.refundableCents);
  if (input.overrideCents !== undefined) {
    if (!Number.isInteger(input.overrideCents) || input.overrideCents < 0 || input.overrideCents > refundable) {
      throw new RangeError(
        `A refund can be from ${formatMoney(0, input.currency ?? "usd")} to ${formatMoney(refundable, input.currency ?? "usd")}.`,
      );
    }
    return { refundCents: input.overrideCents, rule: "staff_override" };
  }
  if (refundable === 0) return { refundCents: 0, rule: "nothing_paid" };
  if (input.newCalfSymptoms) return { refundCents: refundable, rule: "calf_symptoms_waiver" };
  if (isBeforeCutoff(input.startsAt, input.now, input.cutoffHours)) {
    return { refundCents: refundable, rule: "full_notice" };
  }
  return { refundCents: 0, rule: "late_no_refund" };
}

/** Online rescheduling follows the same cut-off as a free cancellation. */
export function canRescheduleOnline(startsAt: Date, now: Date, cutoffHours: number): boolean {
  return isBeforeCutoff(startsAt, now, cutoffHours);
}
