import type { Metadata } from "next";
import Link from "next/link";
import { ServiceCard } from "@/components/services/service-card";
import { JsonLd } from "@/components/seo/json-ld";
import { listActiveServices } from "@/lib/catalog/services";
import { breadcrumbList } from "@/lib/seo/structured-data";

// Served from Next's cache; the treatments come from the catalogue cache (see lib/catalog/cache.ts).
export const revalidate = 60;

export const metadata: Metadata = {
  title: "Services and prices",
  // No treatment names here: the catalogue changes without a build, and this text is fixed.
  description:
    "Calf massage treatments in Brooklyn with their prices and durations, who each one helps, and what to expect on the day.",
  alternates: { canonical: "/services" },
  openGraph: { type: "website", url: "/services", title: "Services and prices" },
};

export default async function ServicesPage() {
  const services = await listActiveServices();
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <JsonLd
        data={breadcrumbList([
          { name: "Home", path: "/" },
          { name: "Services", path: "/services" },
        ])}
      />
      <h1 className="text-4xl font-semibold text-teal-800">Services and prices</h1>
      <p className="mt-3 max-w-2xl text-lg text-muted">
        Every treatment focuses on the lower legs and starts with a few screening questions, so we only massage legs
        that are safe to massage.
      </p>
      {services.length === 0 ? (
        <p className="mt-8 rounded-2xl bg-white p-6 ring-1 ring-teal-600/15">
          No treatments are open for booking right now. Please call the clinic.
        </p>
      ) : (
        <div className="mt-8 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {services.map((service) => (
            <ServiceCard key={service.slug} service={service} headingLevel={2} />
          ))}
        </div>
      )}
      <p className="mt-10 text-muted">
        Not sure which to choose? Read{" "}
        <Link className="font-semibold text-teal-800 underline" href="/learn/calf-muscle-pump-second-heart">
          how the calf muscle pump works
        </Link>
        , or call us and we&apos;ll help.
      </p>
    </div>
  );
}
