// The confirmation of a phone booking to be paid at the clinic's desk: booked, nothing paid yet,
// and the same symptom advice as every confirmation. Health details never go into it.
import { getClinic } from "@/lib/clinic/get-clinic";
import { formatMoney } from "@/lib/money";
import { formatClinicDateTime } from "@/lib/time/clinic-time";
import { ActionLink, EmailLayout, FactList, greeting, Paragraph, Subheading, SymptomAdvice } from "./email-layout";
import { renderEmail, type RenderedEmail } from "./render-email";

export interface DeskBookingFacts {
  clientName: string | null;
  serviceName: string;
  therapistName: string;
  startsAt: Date;
  priceCents: number;
  currency: string;
  timeZone: string;
  /** The service's free-cancellation period: hours before the visit a call can still cancel it. */
  cancellationCutoffHours: number;
  /** The app's public address, for links (APP_URL). */
  appUrl: string;
}

export function deskBookingConfirmedMessage(facts: DeskBookingFacts): Promise<RenderedEmail> {
  return renderEmail(
    "booking-confirmed-pay-at-desk",
    () => {
      const when = formatClinicDateTime(facts.startsAt, facts.timeZone);
      const amount = formatMoney(facts.priceCents, facts.currency);
      return {
        subject: `Booked: ${facts.serviceName}, ${when}`,
        body: (
          <EmailLayout
            preview={`Your ${facts.serviceName} is booked for ${when}.`}
            heading="Your appointment is booked"
          >
            <Paragraph>{greeting(facts.clientName)}</Paragraph>
            <Paragraph>
              Thank you for booking with us by phone. Your {facts.serviceName} with {facts.therapistName} is confirmed.
              You pay {amount} at the clinic&apos;s desk when you come; there is nothing to pay now.
            </Paragraph>
            <FactList
              facts={[
                ["What", facts.serviceName],
                ["When", when],
                ["With", facts.therapistName],
                ["To pay at the desk", amount],
                ["Where", `${getClinic().name}, ${getClinic().address}`],
              ]}
            />
            <ActionLink href={`${facts.appUrl.replace(/\/$/, "")}/account`}>See your appointment</ActionLink>
            <Paragraph>
              To see it online, choose &quot;Forgot password&quot; on the sign-in page with this email address and set a
              password. To cancel or move it, call us on {getClinic().phoneDisplay} at least{" "}
              {facts.cancellationCutoffHours} hours before your visit.
            </Paragraph>
            <Subheading>Before you come</Subheading>
            <SymptomAdvice>If you cancel because of these symptoms, there is no fee.</SymptomAdvice>
          </EmailLayout>
        ),
      };
    },
    facts.appUrl,
  );
}
