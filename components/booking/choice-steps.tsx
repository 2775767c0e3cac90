// The first two steps, as lists of links: each choice is a URL, so the back button undoes it and
// the page works before (or without) JavaScript.
import Link from "next/link";
import type { CancellationTerms } from "@/lib/booking/cancellation-policy";
import { formatMoney } from "@/lib/money";
import { ANY_THERAPIST, bookingHref, type BookingChoice } from "./booking-url";
import { StepHeading } from "./step-heading";

export interface ServiceOption extends CancellationTerms {
  slug: string;
  name: string;
  summary: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
}

export interface TherapistOption {
  id: string;
  slug: string;
  name: string;
  title: string;
}

const OPTION =
  "flex min-h-11 flex-col gap-1 rounded-2xl bg-white p-4 ring-1 ring-teal-600/25 transition-colors hover:bg-teal-50 hover:ring-teal-600 aria-[current=true]:ring-2 aria-[current=true]:ring-teal-600";

function Chosen() {
  return <span className="text-sm font-semibold text-teal-700">Your current choice</span>;
}

export function ServiceStep({ services, choice }: { services: ServiceOption[]; choice: BookingChoice }) {
  return (
    <div>
      <StepHeading description="Every treatment starts with a few health questions.">Choose a treatment</StepHeading>
      {services.length === 0 ? (
        <p className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
          No treatments are open for online booking right now. Please call the clinic.
        </p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {services.map((service) => {
            const current = service.slug === choice.service;
            // Picking the same treatment again keeps the rest of the choice.
            const href = current ? bookingHref({ ...choice, step: undefined }) : bookingHref({ service: service.slug });
            return (
              <li key={service.slug}>
                <Link href={href} className={OPTION} aria-current={current ? "true" : undefined}>
                  <span className="text-lg font-semibold text-ink">{service.name}</span>
                  <span className="text-muted">{service.summary}</span>
                  <span className="font-semibold text-teal-800">
                    {service.durationMinutes} min · {formatMoney(service.priceCents, service.currency)}
                  </span>
                  {current ? <Chosen /> : null}
                </Link>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function TherapistStep({
  therapists,
  choice,
}: {
  therapists: TherapistOption[];
  choice: BookingChoice & { service: string };
}) {
  const option = (slug: string, name: string, detail: string) => {
    const current = slug === choice.therapist;
    const href = current
      ? bookingHref({ ...choice, step: undefined })
      : bookingHref({ service: choice.service, therapist: slug });
    return (
      <li key={slug}>
        <Link href={href} className={OPTION} aria-current={current ? "true" : undefined}>
          <span className="text-lg font-semibold text-ink">{name}</span>
          <span className="text-muted">{detail}</span>
          {current ? <Chosen /> : null}
        </Link>
      </li>
    );
  };
  return (
    <div>
      <StepHeading description="Every therapist here is licensed and trained in the clinic's screening.">
        Choose a therapist
      </StepHeading>
      {therapists.length === 0 ? (
        <p className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
          No therapist offers this treatment online right now. Please call the clinic.
        </p>
      ) : (
        <ul className="grid gap-3 md:grid-cols-2">
          {therapists.length > 1
            ? option(
                ANY_THERAPIST,
                "Any therapist",
                "The widest choice of times: we'll match you with whoever is free.",
              )
            : null}
          {therapists.map((therapist) => option(therapist.slug, therapist.name, therapist.title))}
        </ul>
      )}
    </div>
  );
}
