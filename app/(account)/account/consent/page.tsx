import type { Metadata } from "next";
import { PrintButton } from "@/components/account/print-button";
import { SignedConsentList } from "@/components/consent/signed-consent-list";
import { requireUser } from "@/lib/auth/guards";
import { CURRENT_CONSENT } from "@/lib/clinical/consent";
import { listConsentSignatures } from "@/lib/clinical/consent-signatures";
import { getClinic } from "@/lib/clinic/get-clinic";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Your consent", robots: { index: false } };

// The treatment consents this account signed, newest first, each with the text as signed; printable.
export default async function AccountConsentPage() {
  const user = await requireUser("/account/consent");
  const signatures = await listConsentSignatures(user.id);
  const signedCurrent = signatures.some(
    (signature) => signature.version === CURRENT_CONSENT.version && !signature.withdrawnAt,
  );
  return (
    <>
      <div className="consent-no-print flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="text-3xl font-semibold text-teal-800">Your consent</h1>
          <p className="mt-2 text-muted">
            {signedCurrent
              ? "The treatment consent you signed, with the words as you signed them. Times are in the clinic's zone."
              : "You haven't signed the current treatment consent (or you withdrew it). We'll ask you to read and sign it when you next book."}
          </p>
          <p className="mt-1 text-sm text-muted">
            To withdraw your consent, tell your therapist or call the clinic; we then book no further treatment until
            you sign again.
          </p>
        </div>
        {signatures.length > 0 ? <PrintButton label="Print" /> : null}
      </div>
      <div className="mt-6">
        <SignedConsentList signatures={signatures} timeZone={getClinic().timeZone} emptyText="No signed consent yet." />
      </div>
    </>
  );
}
