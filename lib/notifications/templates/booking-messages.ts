// The words of the booking messages. Plain text for now; the notifications work turns these into
// one template system with HTML parts and calendar attachments.
import { CLINIC } from "@/lib/clinic";
import { formatMoney } from "@/lib/money";
import { formatClinicDateTime } from "@/lib/time/clinic-time";

interface BookingFacts {
  clientName: string | null;
  serviceName: string;
  therapistName: string;
  startsAt: Date;
  priceCents: number;
  currency: string;
  timeZone: string;
  cancellationCutoffHours: number;
}

const greeting = (name: string | null) => (name ? `Hello ${name},` : "Hello,");

const signature = `${CLINIC.name}\n${CLINIC.street}, ${CLINIC.locality}, ${CLINIC.region} ${CLINIC.postalCode}\n${CLINIC.phoneDisplay}`;

export function bookingConfirmedMessage(facts: BookingFacts): { subject: string; text: string } {
  const when = formatClinicDateTime(facts.startsAt, facts.timeZone);
  return {
    subject: `Booked: ${facts.serviceName}, ${when}`,
    text: [
      greeting(facts.clientName),
      "",
      `Your ${facts.serviceName} with ${facts.therapistName} is confirmed for ${when}.`,
      `Paid: ${formatMoney(facts.priceCents, facts.currency)}.`,
      "",
      `You can cancel free of charge up to ${facts.cancellationCutoffHours} hours before your visit from your account.`,
      "If you notice new pain, swelling, warmth or redness in a calf before your visit, please call us before you come: it needs a doctor first, and we will waive any fee.",
      "",
      signature,
    ].join("\n"),
  };
}

export function slotLostRefundMessage(facts: BookingFacts): { subject: string; text: string } {
  const when = formatClinicDateTime(facts.startsAt, facts.timeZone);
  return {
    subject: `We could not keep ${when} for you: full refund`,
    text: [
      greeting(facts.clientName),
      "",
      `Your payment for ${facts.serviceName} at ${when} arrived after the hold on that time had run out, and the time is no longer free.`,
      `We have refunded the full ${formatMoney(facts.priceCents, facts.currency)}. It usually reaches your card within 5 to 10 business days.`,
      `We're sorry. Please choose another time online, or call us on ${CLINIC.phoneDisplay} and we'll find one with you.`,
      "",
      signature,
    ].join("\n"),
  };
}

export function bookingCancelledMessage(
  facts: BookingFacts & { refundCents: number; feeWaivedForCalfSymptoms: boolean },
): { subject: string; text: string } {
  const when = formatClinicDateTime(facts.startsAt, facts.timeZone);
  const refund =
    facts.refundCents > 0
      ? `We are refunding ${formatMoney(facts.refundCents, facts.currency)}. It usually reaches your card within 5 to 10 business days.`
      : "Under our cancellation policy this payment is not refunded.";
  return {
    subject: `Cancelled: ${facts.serviceName}, ${when}`,
    text: [
      greeting(facts.clientName),
      "",
      `Your ${facts.serviceName} with ${facts.therapistName} on ${when} is cancelled.`,
      refund,
      ...(facts.feeWaivedForCalfSymptoms
        ? [
            "",
            "You told us about new pain, swelling, warmth or redness in a calf, so we have waived the fee. Please see a doctor today: these can be signs of a blood clot. If you have chest pain or trouble breathing, call 911.",
          ]
        : []),
      "",
      signature,
    ].join("\n"),
  };
}

export function bookingRescheduledMessage(facts: BookingFacts & { previousStartsAt: Date }): {
  subject: string;
  text: string;
} {
  const when = formatClinicDateTime(facts.startsAt, facts.timeZone);
  const before = formatClinicDateTime(facts.previousStartsAt, facts.timeZone);
  return {
    subject: `Moved: ${facts.serviceName}, now ${when}`,
    text: [
      greeting(facts.clientName),
      "",
      `Your ${facts.serviceName} has moved from ${before} to ${when}, with ${facts.therapistName}.`,
      `Your payment of ${formatMoney(facts.priceCents, facts.currency)} carries over; there is nothing more to pay.`,
      `You can still cancel free of charge up to ${facts.cancellationCutoffHours} hours before the new time from your account.`,
      "",
      signature,
    ].join("\n"),
  };
}
