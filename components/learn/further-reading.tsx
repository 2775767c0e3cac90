import type { Author } from "@/lib/content/authors";
import type { Source } from "@/lib/content/sources";

// Ends every article: the public health pages its facts agree with, and when it was last reviewed
// and by whom. Honest about what that review was: the clinic's therapists, not a doctor.
export function FurtherReading({
  sources,
  checkedAgainst,
  reviewed,
  reviewedLabel,
  author,
}: {
  sources: Source[];
  /** What the review checked the article's figures and thresholds against. */
  checkedAgainst: Source[];
  reviewed: string;
  reviewedLabel: string;
  author: Author;
}) {
  return (
    <section aria-labelledby="further-reading" className="max-w-3xl">
      <h2 id="further-reading" className="text-2xl font-semibold text-teal-800">
        Further reading
      </h2>
      <p className="mt-2 text-muted">
        Public health pages that say the same as this article, for you to read in full. Their authors did not review our
        article.
      </p>
      <ul className="mt-3 list-disc space-y-1 pl-5">
        {sources.map((source) => (
          <li key={`${source.title}|${source.publisher}`}>
            <cite className="not-italic">{source.title}</cite> — {source.publisher}
          </li>
        ))}
      </ul>
      <p className="mt-4 text-sm text-muted">
        Reviewed on <time dateTime={reviewed}>{reviewedLabel}</time> by {author.name} ({author.title.toLowerCase()}).
        Written by the clinic&apos;s therapists to educate, not to diagnose; it has not been reviewed by a doctor.
      </p>
      <p className="mt-2 text-sm text-muted">
        Figures and thresholds checked against:{" "}
        {checkedAgainst.map((source, index) => (
          <span key={`${source.title}|${source.publisher}`}>
            {index > 0 ? "; " : ""}
            <cite className="not-italic">{source.title}</cite> ({source.publisher})
          </span>
        ))}
        .
      </p>
    </section>
  );
}
