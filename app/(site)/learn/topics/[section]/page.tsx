import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArticleCard } from "@/components/learn/article-card";
import { RedFlagBox } from "@/components/learn/red-flag-box";
import { JsonLd } from "@/components/seo/json-ld";
import { getArticlesInSection } from "@/lib/content/articles";
import { findSection, SECTIONS } from "@/lib/content/sections";
import { breadcrumbList } from "@/lib/seo/structured-data";

export const dynamicParams = false;

export function generateStaticParams() {
  return SECTIONS.map((section) => ({ section: section.slug }));
}

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = findSection((await params).section);
  if (!section) return {};
  return {
    title: section.title,
    description: section.blurb,
    alternates: { canonical: `/learn/topics/${section.slug}` },
    openGraph: {
      type: "website",
      url: `/learn/topics/${section.slug}`,
      title: section.title,
      description: section.blurb,
    },
  };
}

export default async function SectionPage({ params }: Props) {
  const section = findSection((await params).section);
  if (!section) notFound();
  const articles = await getArticlesInSection(section.slug);
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <JsonLd
        data={breadcrumbList([
          { name: "Home", path: "/" },
          { name: "Learn", path: "/learn" },
          { name: section.title, path: `/learn/topics/${section.slug}` },
        ])}
      />
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/learn" className="underline">
          Learn
        </Link>
      </nav>
      <h1 className="mt-2 text-4xl font-semibold text-teal-800">{section.title}</h1>
      <p className="mt-3 max-w-2xl text-lg text-muted">{section.blurb}</p>
      {section.slug === "risks" ? (
        <div className="mt-8 max-w-3xl">
          <RedFlagBox />
        </div>
      ) : null}
      <div className="mt-8 grid gap-4 md:grid-cols-2 lg:grid-cols-3">
        {articles.map((article) => (
          <ArticleCard key={article.slug} article={article} headingLevel={2} />
        ))}
      </div>
      <nav aria-label="Other topics" className="mt-12">
        <h2 className="text-xl font-semibold">Other topics</h2>
        <ul className="mt-3 flex flex-wrap gap-2">
          {SECTIONS.filter((other) => other.slug !== section.slug).map((other) => (
            <li key={other.slug}>
              <Link
                href={`/learn/topics/${other.slug}`}
                className="inline-flex min-h-11 items-center rounded-full bg-white px-4 font-semibold text-teal-800 ring-1 ring-teal-600/30 hover:bg-teal-50"
              >
                {other.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
