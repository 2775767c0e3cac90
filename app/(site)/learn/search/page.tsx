import type { Metadata } from "next";
import Link from "next/link";
import { SearchForm } from "@/components/learn/search-form";
import { searchLearnArticles } from "@/lib/content/search-index";
import { MAX_QUERY_LENGTH } from "@/lib/content/search";
import { findSection, SECTIONS } from "@/lib/content/sections";

export const metadata: Metadata = { title: "Search articles", robots: { index: false, follow: true } };

type Segments = { text: string; match: boolean }[];

function Highlighted({ segments }: { segments: Segments }) {
  return (
    <>
      {segments.map((segment, index) =>
        segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}

export default async function SearchPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const raw = (await searchParams).q;
  const query = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, MAX_QUERY_LENGTH) ?? "";
  const { hits, correctedTo } = query ? await searchLearnArticles(query) : { hits: [], correctedTo: null };

  return (
    <div className="mx-auto max-w-4xl px-4 py-10">
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <Link href="/learn" className="underline">
          Learn
        </Link>
      </nav>
      <h1 className="mt-2 text-4xl font-semibold text-teal-800">Search articles</h1>
      <div className="mt-6">
        <SearchForm defaultValue={query} autoFocus={!query} />
      </div>

      {query ? (
        <p className="mt-6 text-muted" role="status">
          {hits.length === 0 ? (
            `No articles match “${query}”.`
          ) : correctedTo ? (
            <>
              Showing results for <em className="font-semibold text-ink">{correctedTo}</em>: {hits.length}{" "}
              {hits.length === 1 ? "article" : "articles"}. No articles match “{query}” as typed.
            </>
          ) : (
            `${hits.length} ${hits.length === 1 ? "article matches" : "articles match"} “${query}”.`
          )}
        </p>
      ) : null}

      {hits.length > 0 ? (
        <ol className="mt-6 space-y-4">
          {hits.map((hit) => (
            <li key={hit.article.slug} className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
              <p className="text-sm font-semibold text-teal-700">{findSection(hit.article.section)?.title}</p>
              <h2 className="mt-1 text-xl font-semibold">
                <Link
                  href={`/learn/${hit.article.slug}`}
                  className="text-ink underline decoration-teal-600/30 hover:decoration-teal-600"
                >
                  <Highlighted segments={hit.titleSegments} />
                </Link>
              </h2>
              <p className="mt-2 text-muted">
                <Highlighted segments={hit.snippet} />
              </p>
            </li>
          ))}
        </ol>
      ) : (
        <section aria-labelledby="suggest-heading" className="mt-8">
          <h2 id="suggest-heading" className="text-xl font-semibold">
            {query ? "Try browsing a topic instead" : "Or browse a topic"}
          </h2>
          <ul className="mt-4 grid gap-3 sm:grid-cols-2">
            {SECTIONS.map((section) => (
              <li key={section.slug}>
                <Link
                  href={`/learn/topics/${section.slug}`}
                  className="block rounded-2xl bg-white p-4 ring-1 ring-teal-600/15 hover:bg-teal-50"
                >
                  <span className="font-semibold text-teal-800">{section.title}</span>
                  <span className="mt-1 block text-sm text-muted">{section.blurb}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
