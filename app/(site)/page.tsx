import type { Metadata } from "next";
import Link from "next/link";
import { ArticleCard } from "@/components/learn/article-card";
import { CalfPumpFigure } from "@/components/learn/calf-pump-figure";
import { JsonLd } from "@/components/seo/json-ld";
import { ServiceCard } from "@/components/services/service-card";
import { ButtonLink } from "@/components/ui/button";
import { listActiveServices } from "@/lib/catalog/services";
import { getArticles } from "@/lib/content/articles";
import { clinicBusiness } from "@/lib/seo/structured-data";
import { SYMPTOM_ADVICE } from "@/lib/clinical/symptom-advice";

// Served from Next's cache; the treatments come from the catalogue cache (see lib/catalog/cache.ts).
export const revalidate = 60;

export const metadata: Metadata = { alternates: { canonical: "/" } };

const STORY = [
  {
    title: "Blood has to climb",
    text: "Your heart pushes blood down to your feet easily. Getting it back up to your chest, against gravity, is the hard part.",
  },
  {
    title: "Your calves do the lifting",
    text: "Every time the calf muscles tighten, they squeeze the deep veins and send blood upward. Tiny valves stop it sliding back.",
  },
  {
    title: "Stillness slows the pump",
    text: "Long flights, desk days and standing shifts leave the pump idle, and legs can feel heavy, swollen or cold.",
  },
];

// A section heading with a "see all" link beside it.
function SectionHeader({ id, title, href, linkLabel }: { id: string; title: string; href: string; linkLabel: string }) {
  return (
    <div className="flex flex-wrap items-end justify-between gap-4">
      <h2 id={id} className="text-3xl font-semibold text-teal-800">
        {title}
      </h2>
      <Link href={href} className="inline-flex min-h-11 items-center font-semibold text-teal-800 underline">
        {linkLabel}
      </Link>
    </div>
  );
}

export default async function HomePage() {
  const [services, articles] = await Promise.all([listActiveServices(), getArticles()]);
  const featured = articles.find((article) => article.featured);
  const general = articles.filter((article) => article !== featured && article.section !== "aftercare");
  const reading = [featured, ...general].filter(Boolean).slice(0, 3);

  return (
    <>
      <JsonLd data={clinicBusiness()} />
      <section className="mx-auto grid max-w-6xl items-center gap-10 px-4 py-12 sm:py-16 md:grid-cols-[3fr_2fr]">
        <div>
          <p className="font-semibold text-teal-700">Calf massage in Brooklyn</p>
          <h1 className="mt-2 text-4xl font-semibold text-teal-800 sm:text-5xl">A second heart in every calf</h1>
          <p className="mt-5 max-w-2xl text-lg text-muted">
            With every step, your calf muscles pump blood back up toward your heart. We look after that pump with
            focused calf massage, and we explain how it works so you can look after it between visits.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <ButtonLink href="/book">Book a calf massage</ButtonLink>
            <ButtonLink href="/learn" variant="secondary">
              Learn how it works
            </ButtonLink>
          </div>
        </div>
        <CalfPumpFigure className="mx-auto w-56 sm:w-64" />
      </section>

      <section aria-labelledby="story-heading" className="bg-white py-12">
        <div className="mx-auto max-w-6xl px-4">
          <h2 id="story-heading" className="text-3xl font-semibold text-teal-800">
            Why the calf matters
          </h2>
          <ol className="mt-6 grid gap-6 md:grid-cols-3">
            {STORY.map((step, index) => (
              <li key={step.title} className="rounded-2xl bg-sand p-5">
                <span
                  aria-hidden="true"
                  className="flex h-9 w-9 items-center justify-center rounded-full bg-teal-600 font-bold text-white"
                >
                  {index + 1}
                </span>
                <h3 className="mt-3 text-xl font-semibold">{step.title}</h3>
                <p className="mt-2 text-muted">{step.text}</p>
              </li>
            ))}
          </ol>
          <p className="mt-6">
            <Link href="/learn/calf-muscle-pump-second-heart" className="font-semibold text-teal-800 underline">
              Read the full story of the calf muscle pump
            </Link>
          </p>
        </div>
      </section>

      <section aria-labelledby="services-heading" className="mx-auto max-w-6xl px-4 py-12">
        <SectionHeader id="services-heading" title="Treatments" href="/services" linkLabel="All services and prices" />
        <div className="mt-6 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
          {services.map((service) => (
            <ServiceCard key={service.slug} service={service} />
          ))}
        </div>
      </section>

      <section aria-labelledby="learn-heading" className="mx-auto max-w-6xl px-4 py-12">
        <SectionHeader id="learn-heading" title="From the education hub" href="/learn" linkLabel="All articles" />
        <div className="mt-6 grid gap-4 md:grid-cols-3">
          {reading.map((article) => (article ? <ArticleCard key={article.slug} article={article} /> : null))}
        </div>
      </section>

      <section aria-label="Safety first" className="mx-auto max-w-6xl px-4 pb-4">
        <p className="rounded-2xl border-2 border-alert-700/50 bg-alert-50 p-5">
          <strong className="text-alert-700">Safety first:</strong> {SYMPTOM_ADVICE.sameDay} {SYMPTOM_ADVICE.emergency}{" "}
          <Link href="/learn/leg-circulation-symptoms-by-urgency" className="font-semibold underline">
            Which symptoms need care now
          </Link>
        </p>
      </section>
    </>
  );
}
