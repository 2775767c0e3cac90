import type { Metadata } from "next";
import Link from "next/link";
import { ArticleCardSection } from "@/components/learn/article-card-section";
import { SearchForm } from "@/components/learn/search-form";
import { JsonLd } from "@/components/seo/json-ld";
import { getArticles } from "@/lib/content/articles";
import { SECTIONS } from "@/lib/content/sections";
import { breadcrumbList } from "@/lib/seo/structured-data";

export const metadata: Metadata = {
  title: "Learn: your calves, circulation and self-care",
  description:
    "Plain-language guides to the calf muscle pump, leg circulation, warning signs that need a doctor, calf exercises, self-massage and aftercare.",
  alternates: { canonical: "/learn" },
  openGraph: { type: "website", url: "/learn", title: "Learn about your second heart" },
};

export default async function LearnHubPage() {
  const articles = await getArticles();
  const featured = articles.find((article) => article.featured) ?? articles[0];
  // Aftercare guides are for people after a visit; newcomers see the general articles first.
  const newest = articles.filter((article) => article !== featured && article.section !== "aftercare").slice(0, 3);

  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <JsonLd
        data={breadcrumbList([
          { name: "Home", path: "/" },
          { name: "Learn", path: "/learn" },
        ])}
      />
      <header className="max-w-3xl">
        <p className="font-semibold text-teal-700">Education hub</p>
        <h1 className="mt-1 text-4xl font-semibold text-teal-800 sm:text-5xl">Learn about your second heart</h1>
        <p className="mt-4 text-lg text-muted">
          Written by our therapists: how your calves move blood back to your heart, which signs need a doctor rather
          than a massage, and what you can do every day to keep your legs feeling light.
        </p>
        <div className="mt-6">
          <SearchForm />
        </div>
      </header>

      {featured ? (
        <section aria-labelledby="featured-heading" className="mt-12">
          <h2 id="featured-heading" className="sr-only">
            Featured article
          </h2>
          <article className="relative grid gap-6 overflow-hidden rounded-3xl bg-teal-800 p-6 text-white sm:grid-cols-[2fr_1fr] sm:p-10">
            <div>
              <p className="text-sm font-semibold uppercase tracking-wide text-teal-100">Start here</p>
              <h3 className="mt-2 text-3xl font-semibold">
                <Link href={`/learn/${featured.slug}`} className="after:absolute after:inset-0">
                  {featured.title}
                </Link>
              </h3>
              <p className="mt-3 text-lg text-teal-50">{featured.description}</p>
              <p className="mt-4 text-teal-100">
                {featured.readingMinutes} min read · by {featured.author.name}
              </p>
            </div>
            <svg viewBox="0 0 120 160" aria-hidden="true" className="mx-auto hidden h-48 sm:block">
              <path
                d="M60 10c20 0 26 30 24 60s-8 50-10 80H46c-2-30-8-50-10-80S40 10 60 10z"
                fill="var(--color-teal-600)"
              />
              <path
                d="M60 140V40m0 0-10 12m10-12 10 12"
                stroke="var(--color-sand)"
                strokeWidth="5"
                fill="none"
                strokeLinecap="round"
              />
            </svg>
          </article>
        </section>
      ) : null}

      <section aria-labelledby="sections-heading" className="mt-14">
        <h2 id="sections-heading" className="text-3xl font-semibold text-teal-800">
          Browse by topic
        </h2>
        <div className="mt-6 grid gap-6 md:grid-cols-2">
          {SECTIONS.map((section) => {
            const inSection = articles.filter((article) => article.section === section.slug);
            return (
              <section
                key={section.slug}
                aria-labelledby={`section-${section.slug}`}
                className="rounded-3xl bg-white p-6 ring-1 ring-teal-600/15"
              >
                <h3 id={`section-${section.slug}`} className="text-2xl font-semibold">
                  <Link
                    href={`/learn/topics/${section.slug}`}
                    className="text-teal-800 underline decoration-teal-600/30 hover:decoration-teal-600"
                  >
                    {section.title}
                  </Link>
                </h3>
                <p className="mt-1 text-muted">{section.blurb}</p>
                <ul className="mt-4 space-y-2">
                  {inSection.map((article) => (
                    <li key={article.slug}>
                      <Link
                        href={`/learn/${article.slug}`}
                        className="font-semibold text-ink underline decoration-teal-600/30 hover:decoration-teal-600"
                      >
                        {article.title}
                      </Link>
                    </li>
                  ))}
                </ul>
              </section>
            );
          })}
        </div>
      </section>

      <ArticleCardSection id="newest-heading" title="Newest articles" articles={newest} />
    </div>
  );
}
