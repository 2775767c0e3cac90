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
