// Signed consents as the client and staff read (and print) them: each version with when and how it
// was signed, by which name, and the text exactly as it stood for that version.
import type { ConsentSignatureView } from "@/lib/clinical/consent-signatures";
import { formatClinicDateTime } from "@/lib/time/clinic-time";
import { ConsentDocumentText } from "./consent-document";
import "./consent-print.css";

const METHOD_WORDS = {
  ONLINE: "typed online",
  PAPER: "on paper at the clinic",
  TABLET: "on the clinic tablet",
} as const;

export function SignedConsentList({
  signatures,
  timeZone,
  headingLevel = 2,
  emptyText,
}: {
  signatures: ConsentSignatureView[];
  timeZone: string;
  headingLevel?: 2 | 3;
  emptyText: string;
}) {
  if (signatures.length === 0) return <p className="text-muted">{emptyText}</p>;
  const Heading = `h${headingLevel}` as const;
  return (
    <ol className="flex flex-col gap-4">
      {signatures.map((signature) => (
        <li key={signature.id}>
          <article className="consent-copy rounded-2xl bg-white p-4 ring-1 ring-teal-600/15 sm:p-6">
            <Heading className="text-xl font-semibold">
              {signature.title ?? "Consent"} (version {signature.version})
            </Heading>
            <p className="mt-1">
              Signed as <strong>{signature.signedName}</strong>, {METHOD_WORDS[signature.method]}, on{" "}
              {formatClinicDateTime(signature.signedAt, timeZone)}
              {signature.recordedByName ? ` (recorded by ${signature.recordedByName})` : ""}.
            </p>
            {signature.withdrawnAt ? (
              <p className="mt-1 font-semibold">
                Withdrawn on {formatClinicDateTime(signature.withdrawnAt, timeZone)}
                {signature.withdrawnByName ? ` (recorded by ${signature.withdrawnByName})` : ""}.
              </p>
            ) : null}
            <div className="mt-3 border-t border-teal-600/10 pt-3">
              {signature.sections.length > 0 ? (
                <ConsentDocumentText sections={signature.sections} headingLevel={headingLevel === 2 ? 3 : 4} />
              ) : (
                <p className="text-muted">The text of this version is kept by the clinic; ask us for a copy.</p>
              )}
            </div>
          </article>
        </li>
      ))}
    </ol>
  );
}
