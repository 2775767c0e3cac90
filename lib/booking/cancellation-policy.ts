// The cancellation and refund policy, pure: who gets how much back when an appointment is
// cancelled, until when it may be moved, and the words that state it. Each service sets its own
// terms; the same rule holds for clients and staff (see decideCancellationRefund).
import { formatMoney } from "@/lib/money";

const HOUR_MS = 3_600_000;

export interface CancellationTerms {
  /** A full refund when cancelled at least this many hours ahead (0: until the start). */
  freeCancellationHours: number;
  /** Later than that: this percentage of what is refundable (0 = nothing). */
  lateCancellationRefundPercent: number;
}

/** The schema's defaults, for a caller that has no service at hand (a test, say). */
export const DEFAULT_CANCELLATION_TERMS: CancellationTerms = {
  freeCancellationHours: 24,
  lateCancellationRefundPercent: 0,
};

/** The terms as a service row holds them, for a Prisma select. */
export const cancellationTermsSelect = { freeCancellationHours: true, lateCancellationRefundPercent: true } as const;

export type RefundRule =
  "full_notice" | "late_partial" | "late_no_refund" | "calf_symptoms_waiver" | "staff_override" | "nothing_paid";

export interface CancellationRefundInput {
  startsAt: Date;
  now: Date;
  terms: CancellationTerms;
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
export function cancellationDeadline(startsAt: Date, freeCancellationHours: number): Date {
  return new Date(startsAt.getTime() - freeCancellationHours * HOUR_MS);
}

/** Before the cut-off (inclusive: exactly the cut-off ahead still counts as in time). */
export function isBeforeCutoff(startsAt: Date, now: Date, freeCancellationHours: number): boolean {
  return now.getTime() <= cancellationDeadline(startsAt, freeCancellationHours).getTime();
}

/** The late-cancellation share of what is refundable, rounded down to the cent. */
export function lateRefundCents(refundableCents: number, percent: number): number {
  const share = Math.min(100, Math.max(0, percent));
  return Math.floor((Math.max(0, refundableCents) * share) / 100);
}

// Each service sets its own terms (Service.freeCancellationHours,
// Service.lateCancellationRefundPercent); the same rule for clients and staff, and staff may also
// state an amount.
//  - cancelled at least freeCancellationHours before the start: full refund;
//  - later: lateCancellationRefundPercent % of what is refundable, rounded down to the cent (0: nothing);
//  - cancelled because of new calf pain, swelling, warmth or redness: the fee is always waived (full
//    refund), whenever it happens, because that needs a doctor, not a massage;
//  - staff may override the amount (a goodwill refund, say), never above what is left to refund.
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
  if (isBeforeCutoff(input.startsAt, input.now, input.terms.freeCancellationHours)) {
    return { refundCents: refundable, rule: "full_notice" };
  }
  const late = lateRefundCents(refundable, input.terms.lateCancellationRefundPercent);
  return late > 0 ? { refundCents: late, rule: "late_partial" } : { refundCents: 0, rule: "late_no_refund" };
}

/** Online rescheduling follows the same cut-off as a free cancellation. */
export function canRescheduleOnline(startsAt: Date, now: Date, freeCancellationHours: number): boolean {
  return isBeforeCutoff(startsAt, now, freeCancellationHours);
}

export function hoursInWords(hours: number): string {
  if (hours % 24 === 0 && hours >= 48) return `${hours / 24} days`;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

export interface CancellationPolicyWords {
  /** Until when a cancellation is free ("Free cancellation up to 24 hours before your appointment"). */
  free: string;
  /** What a later cancellation or a missed visit gives back. */
  late: string;
  /** The calf-symptoms waiver. */
  symptoms: string;
}

/** The policy in plain words: the one source of these sentences (pages, review, emails). */
export function describeCancellationPolicy(terms: CancellationTerms): CancellationPolicyWords {
  const percent = Math.min(100, Math.max(0, terms.lateCancellationRefundPercent));
  const symptoms =
    "New calf pain, swelling, warmth or redness always waives the fee: cancel and you get a full refund.";
  if (terms.freeCancellationHours === 0) {
    return {
      free: "You can cancel for a full refund at any time before your appointment starts.",
      late: "A missed appointment is not refunded.",
      symptoms,
    };
  }
  const period = hoursInWords(terms.freeCancellationHours);
  return {
    free: `Free cancellation up to ${period} before your appointment: cancel by then and you get a full refund.`,
    late:
      percent === 0
        ? "If you cancel later than that, or miss the appointment, the payment is not refunded."
        : `If you cancel later than that, you get ${percent}% of the payment back; a missed appointment is not refunded.`,
    symptoms,
  };
}

/** What cancelling now gives, in one sentence, for a page that shows the amount before confirming. */
export function describeRefundNow(
  refund: CancellationRefund,
  terms: CancellationTerms,
  money: (cents: number) => string,
): string {
  const period = hoursInWords(terms.freeCancellationHours);
  switch (refund.rule) {
    case "nothing_paid":
      return "Nothing has been paid for this appointment, so there is nothing to refund.";
    case "full_notice":
      return `Cancelling now gives a full refund of ${money(refund.refundCents)}.`;
    case "late_partial":
      return `This appointment is less than ${period} away, so cancelling now refunds ${terms.lateCancellationRefundPercent}% of the payment: ${money(refund.refundCents)}.`;
    case "late_no_refund":
      return `This appointment is less than ${period} away, so cancelling now gives no refund.`;
    case "calf_symptoms_waiver":
      return `Because of new calf symptoms the fee is waived: a full refund of ${money(refund.refundCents)}.`;
    case "staff_override":
      return `The clinic refunds ${money(refund.refundCents)}.`;
  }
}
