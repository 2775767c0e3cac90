import Link from "next/link";
import type { ServiceListing } from "@/lib/catalog/services";
import { formatMoney } from "@/lib/money";

// Ends every article: the treatment the article relates to, as the live catalogue has it, and a way
// to book it. Nothing at all once that treatment is retired.
export function BookCta({ service }: { service: ServiceListing | null }) {
  if (!service) return null;
  return (
    <section aria-labelledby="book-cta" className="rounded-3xl bg-teal-800 p-6 text-white sm:p-8">
      <p className="text-sm font-semibold uppercase tracking-wide text-teal-100">Related treatment</p>
      <h2 id="book-cta" className="mt-1 text-2xl font-semibold">
        {service.name}
      </h2>
      <p className="mt-2 max-w-2xl text-teal-50">{service.summary}</p>
      <p className="mt-2 text-teal-100">
        {service.durationMinutes} minutes · {formatMoney(service.priceCents, service.currency)}
      </p>
      <Link
        href={`/services/${service.slug}`}
        className="mt-5 inline-flex min-h-11 items-center rounded-full bg-white px-5 font-semibold text-teal-800 hover:bg-teal-50"
      >
        Book {service.name}
      </Link>
    </section>
  );
}
