// A consent text as headed paragraphs: the booking's panel, the account's signed copies, the staff
// pages and the printed copy all render it here.
import type { ConsentSection } from "@/lib/clinical/consent";

export function ConsentDocumentText({
  sections,
  headingLevel = 4,
}: {
  sections: readonly ConsentSection[];
  headingLevel?: 3 | 4 | 5;
}) {
  const Heading = `h${headingLevel}` as const;
  return (
    <div className="space-y-3">
      {sections.map((section) => (
        <section key={section.heading}>
          <Heading className="font-semibold">{section.heading}</Heading>
          <p className="mt-0.5">{section.body}</p>
        </section>
      ))}
    </div>
  );
}
