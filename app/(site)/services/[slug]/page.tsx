import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ServiceBookingPanel } from "@/components/booking/service-booking-panel";
import { SafetyList } from "@/components/services/safety-list";
import { ArticleCardSection } from "@/components/learn/article-card-section";
import { JsonLd } from "@/components/seo/json-ld";
import { ButtonLink } from "@/components/ui/button";
import { getActiveService } from "@/lib/catalog/services";
import { getArticlesForService } from "@/lib/content/articles";
import { formatMoney } from "@/lib/money";
import { breadcrumbList } from "@/lib/seo/structured-data";

// Served from Next's cache; the service comes from the catalogue cache (see lib/catalog/cache.ts).
export const revalidate = 60;

// None at build time (the build does not read the database): each page is rendered on its first
// request and cached from then on.
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return [];
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const service = await getActiveService((await params).slug);
  if (!service) return { title: "Treatment not found" };
  return {
    title: `${service.name} (${service.durationMinutes} min)`,
    description: service.summary,
    alternates: { canonical: `/services/${service.slug}` },
    openGraph: { type: "website", url: `/services/${service.slug}`, title: service.name, description: service.summary },
  };
}

function List({ items }: { items: string[] }) {
  return (
    <ul className="mt-3 list-disc space-y-1.5 pl-5">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

function ListSection({ id, title, items }: { id: string; title: string; items: string[] }) {
  return (
    <section aria-labelledby={id} className="mt-8">
      <h2 id={id} className="text-2xl font-semibold text-teal-800">
        {title}
      </h2>
      <List items={items} />
    </section>
  );
}

export default async function ServicePage({ params }: Props) {
  const service = await getActiveService((await params).slug);
  if (!service) notFound();
  const articles = await getArticlesForService(service.slug, service.aftercareSlug);
  const aftercare = articles.find((article) => article.slug === service.aftercareSlug);
  const price = formatMoney(service.priceCents, service.currency);

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <JsonLd
        data={breadcrumbList([
          { name: "Home", path: "/" },
          { name: "Services", path: "/services" },
          { name: service.name, path: `/services/${service.slug}` },
        ])}
      />
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/services" className="underline">
          Services
        </Link>
      </nav>
      <div className="mt-2 grid gap-8 md:grid-cols-[minmax(0,1fr)_18rem]">
        <div>
          <h1 className="text-4xl font-semibold text-teal-800">{service.name}</h1>
          <p className="mt-3 text-xl text-muted">{service.summary}</p>
          {/* Small screens: price and booking up front instead of after the details. */}
          <div className="mt-5 flex flex-wrap items-center gap-4 md:hidden">
            <p className="font-semibold text-teal-800">
              {service.durationMinutes} min · {price}
            </p>
            <ButtonLink href={`/book?service=${service.slug}`}>Book now</ButtonLink>
          </div>
          <p className="mt-6 text-lg">{service.description}</p>

          <ListSection id="helps-heading" title="Who it helps" items={service.whoItHelps} />
          <ListSection id="expect-heading" title="What to expect" items={service.whatToExpect} />
          <section
            aria-labelledby="not-right-heading"
            className="mt-8 rounded-2xl border-2 border-alert-700/60 bg-alert-50 p-5"
          >
            <h2 id="not-right-heading" className="font-sans text-xl font-bold text-alert-700">
              Before you book: safety
            </h2>
            <SafetyList items={service.contraindications} serviceSlug={service.slug} />
            <p className="mt-3 text-sm">
              Booking asks a few screening questions. Signs of a possible clot mean we point you to a doctor instead of
              taking a booking; for everything else, tell us and we adapt the treatment.
            </p>
          </section>
        </div>

        <aside
          aria-label="Book this treatment"
          className="h-fit rounded-3xl bg-white p-6 ring-1 ring-teal-600/15 md:sticky md:top-6"
        >
          <ServiceBookingPanel
            service={service}
            therapists={service.therapists.map(({ therapist }) => ({
              slug: therapist.slug,
              name: therapist.displayName,
              title: therapist.title,
            }))}
          />
          {aftercare ? (
            <p className="mt-6 text-sm">
              After your visit:{" "}
              <Link href={`/learn/${aftercare.slug}`} className="font-semibold text-teal-800 underline">
                aftercare guide
              </Link>
            </p>
          ) : null}
        </aside>
      </div>

      <ArticleCardSection
        id="reading-heading"
        title="Read before or after your visit"
        articles={articles.slice(0, 6)}
      />
    </div>
  );
}
