import type { Heading } from "@/lib/content/markdown";

export function TableOfContents({ headings }: { headings: Heading[] }) {
  const sections = headings.filter((heading) => heading.depth === 2);
  return (
    <nav aria-labelledby="toc-heading" className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
      <h2 id="toc-heading" className="font-sans text-sm font-bold uppercase tracking-wide text-teal-700">
        On this page
      </h2>
      <ol className="mt-3 space-y-2">
        {sections.map((heading) => (
          <li key={heading.id}>
            <a href={`#${heading.id}`} className="text-ink underline decoration-teal-600/30 hover:decoration-teal-600">
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
