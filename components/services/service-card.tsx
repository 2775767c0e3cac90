import Link from "next/link";
import type { ServiceListing } from "@/lib/catalog/services";
import { formatMoney } from "@/lib/money";

export function ServiceCard({ service, headingLevel = 3 }: { service: ServiceListing; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="relative flex h-full flex-col rounded-2xl bg-white p-5 ring-1 ring-teal-600/15 transition-shadow focus-within:ring-2 focus-within:ring-teal-600 hover:shadow-md">
      <Heading className="text-xl font-semibold text-ink">
        <Link href={`/services/${service.slug}`} className="after:absolute after:inset-0 focus-visible:outline-none">
          {service.name}
        </Link>
      </Heading>
      <p className="mt-2 flex-1 text-muted">{service.summary}</p>
      <p className="mt-4 flex items-center justify-between gap-3 font-semibold text-teal-800">
        <span>
          {service.durationMinutes} min · {formatMoney(service.priceCents, service.currency)}
        </span>
        {/* Seen on touch screens too, where there is no hover to say the card opens. */}
        <span aria-hidden="true" className="text-sm underline underline-offset-4">
          Details →
        </span>
      </p>
    </article>
  );
}
