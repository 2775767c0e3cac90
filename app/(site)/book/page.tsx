import type { Metadata } from "next";
import Link from "next/link";
import { ServiceCard } from "@/components/services/service-card";
import { listActiveServices } from "@/lib/catalog/services";
import { CLINIC } from "@/lib/clinic";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Book a calf massage",
  description: "Choose a calf massage treatment and book your visit.",
  alternates: { canonical: "/book" },
};

// Until online booking with payment opens, this page lists the treatments and how to book by phone.
export default async function BookPage({ searchParams }: { searchParams: Promise<{ service?: string }> }) {
  const { service: chosenSlug } = await searchParams;
  const services = await listActiveServices();
  const chosen = services.find((service) => service.slug === chosenSlug);

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <h1 className="text-4xl font-semibold text-teal-800">Book a calf massage</h1>
      <section aria-labelledby="phone-heading" className="mt-6 rounded-3xl bg-white p-6 ring-1 ring-teal-600/15">
        <h2 id="phone-heading" className="text-2xl font-semibold">
          {chosen ? `Booking ${chosen.name}` : "How to book"}
        </h2>
        <p className="mt-2 max-w-2xl">
          Online booking with payment is being set up. Until it opens, please call the front desk and we&apos;ll find a
          time with the right therapist and go through the screening questions with you.
        </p>
        <a
          href={`tel:${CLINIC.phone}`}
          className="mt-4 inline-flex min-h-11 items-center rounded-full bg-coral-600 px-5 font-semibold text-white hover:bg-coral-700"
        >
          Call {CLINIC.phoneDisplay}
        </a>
        <p className="mt-4 text-sm text-muted">
          Sudden pain or swelling in one calf is a reason to see a doctor, not to book a massage.{" "}
          <Link href="/learn/dvt-and-pulmonary-embolism" className="underline">
            Why this matters
          </Link>
          .
        </p>
      </section>
      <h2 className="mt-10 text-2xl font-semibold text-teal-800">Treatments</h2>
      <div className="mt-4 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {services.map((service) => (
          <ServiceCard key={service.slug} service={service} />
        ))}
      </div>
    </div>
  );
}
