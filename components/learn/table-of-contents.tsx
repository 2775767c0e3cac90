import type { Heading } from "@/lib/content/markdown";

/** The article's sections as in-page links. */
export function TableOfContentsList({ headings }: { headings: Heading[] }) {
  return (
    <ol className="mt-3 space-y-2">
      {headings
        .filter((heading) => heading.depth === 2)
        .map((heading) => (
          <li key={heading.id}>
            <a href={`#${heading.id}`} className="text-ink underline decoration-teal-600/30 hover:decoration-teal-600">
              {heading.text}
            </a>
          </li>
        ))}
    </ol>
  );
}

/** Wide screens: a sticky box beside the article. */
export function TableOfContents({ headings }: { headings: Heading[] }) {
  return (
    <nav aria-labelledby="toc-heading" className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
      <h2 id="toc-heading" className="font-sans text-sm font-bold uppercase tracking-wide text-teal-700">
        On this page
      </h2>
      <TableOfContentsList headings={headings} />
    </nav>
  );
}

/** Small screens: a disclosure above the article. */
export function TableOfContentsDisclosure({ headings }: { headings: Heading[] }) {
  return (
    <details className="mt-8 max-w-3xl rounded-2xl bg-white px-4 py-1.5 ring-1 ring-teal-600/15 open:pb-4 lg:hidden">
      <summary className="cursor-pointer py-2.5 font-semibold text-teal-800">On this page</summary>
      <TableOfContentsList headings={headings} />
    </details>
  );
}
