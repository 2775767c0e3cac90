// The consent on the review step: before the first booking, and again when its text changes, the
// client reads it and signs by typing their full name; the name travels with the Pay form, and the
// server writes the signature in the same transaction as the hold. Already signed: one line saying so.
import Link from "next/link";
import { ConsentDocumentText } from "@/components/consent/consent-document";
import { Field } from "@/components/ui/field";
import { SIGNED_NAME_RULE, type ConsentSection } from "@/lib/clinical/consent";

export interface ReviewConsent {
  /** True: the client has not signed this version yet. */
  required: boolean;
  version: number;
  title: string;
  sections: readonly ConsentSection[];
  /** When the current version was signed, formatted (only when not required). */
  signedOn?: string;
}

export function ConsentPanel({ consent, errors }: { consent: ReviewConsent; errors?: string[] }) {
  if (!consent.required) {
    return (
      <p className="mb-4 text-sm text-muted">
        You signed our treatment consent (version {consent.version}){consent.signedOn ? ` on ${consent.signedOn}` : ""}.{" "}
        <Link href="/account/consent" className="font-semibold text-teal-800 underline">
          Read it again
        </Link>
      </p>
    );
  }
  return (
    <section aria-labelledby="review-consent" className="mb-4 rounded-2xl bg-white p-4 ring-1 ring-teal-600/15 sm:p-6">
      <h3 id="review-consent" className="text-xl font-semibold">
        {consent.title}
      </h3>
      <p className="mt-1 text-sm text-muted">
        Please read this before you book (version {consent.version}). You sign once; we ask again only if the text
        changes.
      </p>
      <div className="mt-3 max-h-80 overflow-y-auto rounded-lg bg-teal-50/50 p-3 text-sm" tabIndex={0}>
        <ConsentDocumentText sections={consent.sections} />
      </div>
      <div className="mt-4">
        <Field
          label="Sign by typing your full name"
          name="signedName"
          hint={`I have read this consent and agree to treatment. ${SIGNED_NAME_RULE}`}
          autoComplete="name"
          required
          maxLength={200}
          errors={errors}
        />
        <input type="hidden" name="consentVersion" value={consent.version} />
      </div>
    </section>
  );
}
