// The booking messages, one React Email component each inside the clinic's frame (email-layout),
// rendered to HTML with a plain-text part by renderEmail. Each function takes the facts a message
// needs and never throws: a template error yields a plain fallback (see render-email.ts).
// Health details (intake answers, notes) never go into a message.
import { describeCancellationPolicy, type CancellationTerms } from "@/lib/booking/cancellation-policy";
import { getClinic } from "@/lib/clinic/get-clinic";
import { formatMoney } from "@/lib/money";
import { formatClinicDateTime } from "@/lib/time/clinic-time";
import {
  ActionLink,
  EmailLayout,
  FactList,
  InlineLink,
  Paragraph,
  SafetyNote,
  Subheading,
  SymptomAdvice,
  greeting,
} from "./email-layout";
import { renderEmail, type RenderedEmail } from "./render-email";

export interface BookingFacts {
  bookingId?: string;
  clientName: string | null;
  serviceName: string;
  therapistName: string;
  startsAt: Date;
  priceCents: number;
  currency: string;
  timeZone: string;
  /** The service's cancellation terms (Service.freeCancellationHours, lateCancellationRefundPercent). */
  cancellationTerms: CancellationTerms;
  /** The app's public address, for links (APP_URL). */
  appUrl: string;
}

const base = (appUrl: string) => appUrl.replace(/\/$/, "");
const appointmentUrl = (facts: { appUrl: string; bookingId?: string }) =>
  `${base(facts.appUrl)}/account${facts.bookingId ? `/bookings/${facts.bookingId}` : ""}`;

function RedFlagQuestion() {
  return <SymptomAdvice>If you cancel because of these symptoms, there is no fee.</SymptomAdvice>;
}

function CancellationTermsParagraph({ terms }: { terms: CancellationTerms }) {
  const words = describeCancellationPolicy(terms);
  return (
    <Paragraph>
      {words.free} {words.late} {words.symptoms} You can cancel or move it from your account.
    </Paragraph>
  );
}

function appointmentFacts(facts: Pick<BookingFacts, "serviceName" | "therapistName">, when: string) {
  return [
    ["What", facts.serviceName],
    ["When", when],
    ["With", facts.therapistName],
    ["Where", `${getClinic().name}, ${getClinic().address}`],
  ] as const;
}

export function bookingConfirmedMessage(facts: BookingFacts): Promise<RenderedEmail> {
  return renderEmail(
    "booking-confirmed",
    () => {
      const when = formatClinicDateTime(facts.startsAt, facts.timeZone);
      return {
        subject: `Booked: ${facts.serviceName}, ${when}`,
        body: (
          <EmailLayout
            preview={`Your ${facts.serviceName} is confirmed for ${when}.`}
            heading="Your appointment is booked"
          >
            <Paragraph>{greeting(facts.clientName)}</Paragraph>
            <Paragraph>
              Your {facts.serviceName} with {facts.therapistName} is confirmed for {when}. Paid:{" "}
              {formatMoney(facts.priceCents, facts.currency)}.
            </Paragraph>
            <FactList facts={appointmentFacts(facts, when)} />
            <Paragraph>The calendar file attached adds the visit to your calendar, and keeps it up to date.</Paragraph>
            <ActionLink href={appointmentUrl(facts)}>See or change your appointment</ActionLink>
            <CancellationTermsParagraph terms={facts.cancellationTerms} />
            <Subheading>Before you come</Subheading>
            <RedFlagQuestion />
          </EmailLayout>
        ),
      };
    },
    facts.appUrl,
  );
}

export function bookingReminderMessage(facts: BookingFacts): Promise<RenderedEmail> {
  return renderEmail(
    "booking-reminder",
    () => {
      const when = formatClinicDateTime(facts.startsAt, facts.timeZone);
      return {
        subject: `Reminder: ${facts.serviceName}, ${when}`,
        body: (
          <EmailLayout
            preview={`Your visit: ${when}. New pain or swelling in one calf? See a doctor today, not us.`}
            heading="See you soon"
          >
            <Paragraph>{greeting(facts.clientName)}</Paragraph>
            <Paragraph>
              A reminder of your {facts.serviceName} with {facts.therapistName}.
            </Paragraph>
            <FactList facts={appointmentFacts(facts, when)} />
            <Subheading>Before you come</Subheading>
            <RedFlagQuestion />
            <ActionLink href={appointmentUrl(facts)}>See your appointment</ActionLink>
          </EmailLayout>
        ),
      };
    },
    facts.appUrl,
  );
}

export function slotLostRefundMessage(facts: BookingFacts): Promise<RenderedEmail> {
  return renderEmail(
    "slot-lost-refund",
    () => {
      const when = formatClinicDateTime(facts.startsAt, facts.timeZone);
      return {
        subject: `We could not keep ${when} for you: full refund`,
        body: (
          <EmailLayout preview="Your payment is being refunded in full." heading="We could not keep that time for you">
            <Paragraph>{greeting(facts.clientName)}</Paragraph>
            <Paragraph>
              Your payment for {facts.serviceName} at {when} arrived after the hold on that time had run out, and the
              time is no longer free.
            </Paragraph>
            <Paragraph>
              We have refunded the full {formatMoney(facts.priceCents, facts.currency)}. It usually reaches your card
              within 5 to 10 business days.
            </Paragraph>
            <Paragraph>
              We&apos;re sorry. Please{" "}
              <InlineLink href={`${base(facts.appUrl)}/book`}>choose another time online</InlineLink>, or call us on{" "}
              {getClinic().phoneDisplay} and we&apos;ll find one with you.
            </Paragraph>
          </EmailLayout>
        ),
      };
    },
    facts.appUrl,
  );
}

export function bookingCancelledMessage(
  facts: BookingFacts & {
    refundCents: number;
    feeWaivedForCalfSymptoms: boolean;
    nothingPaid?: boolean;
    /** A CANCEL .ics goes with the message (the visit was confirmed, so it is in their calendar). */
    calendarFileAttached?: boolean;
  },
): Promise<RenderedEmail> {
  return renderEmail(
    "booking-cancelled",
    () => {
      const when = formatClinicDateTime(facts.startsAt, facts.timeZone);
      return {
        subject: `Cancelled: ${facts.serviceName}, ${when}`,
        body: (
          <EmailLayout
            preview={`Your ${facts.serviceName} on ${when} is cancelled.`}
            heading="Your appointment is cancelled"
          >
            <Paragraph>{greeting(facts.clientName)}</Paragraph>
            <Paragraph>
              Your {facts.serviceName} with {facts.therapistName} on {when} is cancelled.
              {facts.calendarFileAttached ? " The calendar file attached removes it from your calendar." : ""}
            </Paragraph>
            <Paragraph>
              {facts.nothingPaid
                ? "Nothing was paid for it, so there is nothing to refund."
                : facts.refundCents > 0
                  ? `We are refunding ${formatMoney(facts.refundCents, facts.currency)}. It usually reaches your card within 5 to 10 business days.`
                  : "Under our cancellation policy this payment is not refunded."}
            </Paragraph>
            {facts.feeWaivedForCalfSymptoms && (
              <>
                <SafetyNote>Because of the reason you gave, there is no cancellation fee.</SafetyNote>
                <SymptomAdvice />
              </>
            )}
            <ActionLink href={`${base(facts.appUrl)}/book`}>Book another time</ActionLink>
          </EmailLayout>
        ),
      };
    },
    facts.appUrl,
  );
}

export function bookingRescheduledMessage(facts: BookingFacts & { previousStartsAt: Date }): Promise<RenderedEmail> {
  return renderEmail(
    "booking-rescheduled",
    () => {
      const when = formatClinicDateTime(facts.startsAt, facts.timeZone);
      const before = formatClinicDateTime(facts.previousStartsAt, facts.timeZone);
      return {
        subject: `Moved: ${facts.serviceName}, now ${when}`,
        body: (
          <EmailLayout preview={`Your ${facts.serviceName} is now ${when}.`} heading="Your appointment has moved">
            <Paragraph>{greeting(facts.clientName)}</Paragraph>
            <Paragraph>
              Your {facts.serviceName} has moved from {before} to {when}. The calendar file attached updates the event
              already in your calendar.
            </Paragraph>
            <FactList facts={appointmentFacts(facts, when)} />
            <Paragraph>
              Your payment of {formatMoney(facts.priceCents, facts.currency)} carries over; there is nothing more to
              pay.
            </Paragraph>
            <CancellationTermsParagraph terms={facts.cancellationTerms} />
            <ActionLink href={appointmentUrl(facts)}>See your appointment</ActionLink>
            <Subheading>Before you come</Subheading>
            <RedFlagQuestion />
          </EmailLayout>
        ),
      };
    },
    facts.appUrl,
  );
}

export interface RefundFacts {
  clientName: string | null;
  serviceName: string;
  startsAt: Date;
  amountCents: number;
  currency: string;
  timeZone: string;
  appUrl: string;
}

/** Sent when Stripe reports a refund succeeded: the money is on its way back. */
export function refundSentMessage(facts: RefundFacts): Promise<RenderedEmail> {
  return renderEmail(
    "refund-sent",
    () => {
      const amount = formatMoney(facts.amountCents, facts.currency);
      const when = formatClinicDateTime(facts.startsAt, facts.timeZone);
      return {
        subject: `Refund sent: ${amount}`,
        body: (
          <EmailLayout preview={`We have sent your refund of ${amount}.`} heading="Your refund is on its way">
            <Paragraph>{greeting(facts.clientName)}</Paragraph>
            <Paragraph>
              We have sent a refund of {amount} for your {facts.serviceName} on {when} to the card you paid with. It
              usually shows on your statement within 5 to 10 business days.
            </Paragraph>
            <Paragraph>
              Your receipts are in <InlineLink href={`${base(facts.appUrl)}/account`}>your account</InlineLink>.
              Questions? Call us on {getClinic().phoneDisplay}.
            </Paragraph>
          </EmailLayout>
        ),
      };
    },
    facts.appUrl,
  );
}

export interface PaymentLinkFacts {
  bookingId?: string;
  clientName: string | null;
  serviceName: string;
  therapistName: string;
  startsAt: Date;
  priceCents: number;
  currency: string;
  timeZone: string;
  appUrl: string;
  /** Where the client pays (a Stripe Checkout URL). */
  paymentUrl: string;
  /** When the link stops working and the time is released, if it does. */
  payBy?: Date;
}

/**
 * A phone booking made by staff: the link to pay online. Template "booking-payment-link"; dedupe it
 * per checkout session (e.g. `booking-payment-link:<sessionId>`) so a new link is a new message.
 */
export function paymentLinkMessage(facts: PaymentLinkFacts): Promise<RenderedEmail> {
  return renderEmail(
    "booking-payment-link",
    () => {
      const when = formatClinicDateTime(facts.startsAt, facts.timeZone);
      const amount = formatMoney(facts.priceCents, facts.currency);
      return {
        subject: `Please pay for your ${facts.serviceName}, ${when}`,
        body: (
          <EmailLayout
            preview={`Pay ${amount} online to confirm your visit on ${when}.`}
            heading="Pay for your appointment"
          >
            <Paragraph>{greeting(facts.clientName)}</Paragraph>
            <Paragraph>
              Thank you for booking with us by phone. We are holding this time for you; paying {amount} online confirms
              it.
            </Paragraph>
            <FactList facts={appointmentFacts(facts, when)} />
            <ActionLink href={facts.paymentUrl}>Pay {amount} securely</ActionLink>
            {facts.payBy && (
              <Paragraph>
                The link works until {formatClinicDateTime(facts.payBy, facts.timeZone)}; after that the time is
                released. Call us on {getClinic().phoneDisplay} if you need a new link.
              </Paragraph>
            )}
            <Subheading>Before you come</Subheading>
            <RedFlagQuestion />
          </EmailLayout>
        ),
      };
    },
    facts.appUrl,
  );
}

export interface AftercareFacts {
  clientName: string | null;
  serviceName: string;
  serviceSlug: string;
  therapistName: string;
  aftercareSlug: string | null;
  appUrl: string;
}

/** After a completed visit: the service's aftercare guide and a link to book the next one. */
export function aftercareMessage(facts: AftercareFacts): Promise<RenderedEmail> {
  return renderEmail(
    "booking-aftercare",
    () => ({
      subject: `After your ${facts.serviceName}: looking after your calves`,
      body: (
        <EmailLayout preview="Your aftercare guide, and booking your next visit." heading="Thank you for visiting">
          <Paragraph>{greeting(facts.clientName)}</Paragraph>
          <Paragraph>
            Thank you for coming in for your {facts.serviceName} with {facts.therapistName}.
          </Paragraph>
          <Subheading>What is normal</Subheading>
          <Paragraph>
            Mild tenderness for a day is normal, a little like after a workout. Drink some water and take a gentle walk
            today.
          </Paragraph>
          {facts.aftercareSlug ? (
            <>
              <Paragraph>Your aftercare guide explains what helps over the next day or two.</Paragraph>
              <ActionLink href={`${base(facts.appUrl)}/learn/${facts.aftercareSlug}`}>
                Read your aftercare guide
              </ActionLink>
            </>
          ) : null}
          <Subheading>When to get help</Subheading>
          <SymptomAdvice />
          <Paragraph>
            When you&apos;re ready for your next visit,{" "}
            <InlineLink href={`${base(facts.appUrl)}/book?service=${facts.serviceSlug}`}>book it online</InlineLink>.
          </Paragraph>
        </EmailLayout>
      ),
    }),
    facts.appUrl,
  );
}
