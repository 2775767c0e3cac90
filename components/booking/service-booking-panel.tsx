// The booking box on a service page: price, who offers it, the cancellation policy, and buttons that
// start /book with this service (and, if wanted, the therapist) already chosen.
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import type { CancellationTerms } from "@/lib/booking/cancellation-policy";
import { formatMoney } from "@/lib/money";
import { ANY_THERAPIST, bookingHref } from "./booking-url";
import { CancellationPolicy } from "./cancellation-policy";

export interface ServiceBookingPanelProps {
  service: CancellationTerms & {
    slug: string;
    name: string;
    durationMinutes: number;
    priceCents: number;
    currency: string;
  };
  therapists: { slug: string; name: string; title?: string }[];
}

export function ServiceBookingPanel({ service, therapists }: ServiceBookingPanelProps) {
  return (
    <div>
      <p className="text-3xl font-semibold text-teal-800">{formatMoney(service.priceCents, service.currency)}</p>
      <p className="text-muted">{service.durationMinutes} minutes</p>
      <ButtonLink href={bookingHref({ service: service.slug })} className="mt-5 w-full">
        Book {service.name}
      </ButtonLink>

      {therapists.length > 0 ? (
        <section aria-labelledby="offered-by-heading" className="mt-6">
          <h2 id="offered-by-heading" className="font-sans text-sm font-semibold">
            Offered by
          </h2>
          <ul className="mt-1 flex flex-col">
            {therapists.map((therapist) => (
              <li key={therapist.slug}>
                <Link
                  href={bookingHref({ service: service.slug, therapist: therapist.slug })}
                  className="flex min-h-11 flex-col justify-center rounded-lg py-1 text-sm hover:bg-teal-50"
                >
                  <span className="font-semibold text-teal-800 underline">Book with {therapist.name}</span>
                  {therapist.title ? <span className="text-muted">{therapist.title}</span> : null}
                </Link>
              </li>
            ))}
          </ul>
          {therapists.length > 1 ? (
            <p className="text-sm text-muted">
              No preference?{" "}
              <Link
                href={bookingHref({ service: service.slug, therapist: ANY_THERAPIST })}
                className="inline-flex min-h-11 items-center font-semibold text-teal-800 underline"
              >
                Book with any therapist
              </Link>
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="cancellation-heading" className="mt-6 text-sm">
        <h2 id="cancellation-heading" className="font-sans text-sm font-semibold">
          Cancellation
        </h2>
        <CancellationPolicy terms={service} className="mt-1 text-muted" />
      </section>
    </div>
  );
}
