import Link from "next/link";
import type { Article } from "@/lib/content/articles";
import { findSection } from "@/lib/content/sections";

export function ArticleCard({ article, headingLevel = 3 }: { article: Article; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="relative flex h-full flex-col rounded-2xl bg-white p-5 ring-1 ring-teal-600/15 transition-shadow focus-within:ring-2 focus-within:ring-teal-600 hover:shadow-md">
      <p className="text-sm font-semibold text-teal-700">{findSection(article.section)?.title}</p>
      <Heading className="mt-1 text-xl font-semibold text-ink">
        <Link href={`/learn/${article.slug}`} className="after:absolute after:inset-0 focus-visible:outline-none">
          {article.title}
        </Link>
      </Heading>
      <p className="mt-2 flex-1 text-muted">{article.description}</p>
      <p className="mt-3 flex items-center justify-between gap-3 text-sm">
        <span className="text-muted">{article.readingMinutes} min read</span>
        {/* Seen on touch screens too, where there is no hover to say the card opens. */}
        <span aria-hidden="true" className="font-semibold text-teal-800 underline underline-offset-4">
          Read →
        </span>
      </p>
    </article>
  );
}
