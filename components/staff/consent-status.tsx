// Where a client stands with the treatment consent, for the appointment and client pages: the
// current version signed (when, how), or "not signed" with the form to record a signature made at
// the desk. Each signed copy can be opened with the text as signed.
import { SignedConsentList } from "@/components/consent/signed-consent-list";
import type { ConsentSignatureView } from "@/lib/clinical/consent-signatures";
import { formatClinicDateTime } from "@/lib/time/clinic-time";
import { DeskConsentForm } from "./desk-consent-form";
import { WithdrawConsentButton } from "./withdraw-consent-button";
import type { ActionState, FormAction } from "@/lib/forms/action-state";

export function ConsentStatus({
  clientId,
  bookingId,
  accountName,
  currentVersion,
  signatures,
  timeZone,
  recordAction,
  withdrawAction,
}: {
  clientId: string;
  bookingId?: string;
  accountName: string | null;
  currentVersion: number;
  signatures: ConsentSignatureView[];
  timeZone: string;
  recordAction: FormAction<ActionState>;
  withdrawAction: FormAction<ActionState>;
}) {
  const current = signatures.find((signature) => signature.version === currentVersion && !signature.withdrawnAt);
  const withdrawn = signatures.find((signature) => signature.version === currentVersion && signature.withdrawnAt);
  return (
    <div className="flex flex-col gap-3">
      {current ? (
        <>
          <p>
            <span className="mr-2 inline-block rounded-full bg-teal-100 px-2 py-0.5 text-sm font-semibold text-teal-800">
              Consent signed
            </span>
            Version {current.version}, {formatClinicDateTime(current.signedAt, timeZone)}, as {current.signedName}.
          </p>
          <WithdrawConsentButton clientId={clientId} bookingId={bookingId} action={withdrawAction} />
        </>
      ) : (
        <>
          <p>
            <span className="mr-2 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900">
              Consent not signed
            </span>
            {withdrawn?.withdrawnAt
              ? `The client withdrew their consent on ${formatClinicDateTime(withdrawn.withdrawnAt, timeZone)}; record a new signature before any further treatment.`
              : signatures.length > 0
                ? `The client signed an earlier version (${signatures[0]?.version}); ask them to read and sign version ${currentVersion} before treatment.`
                : `Ask the client to read and sign the consent (version ${currentVersion}) before treatment.`}
          </p>
          <DeskConsentForm
            clientId={clientId}
            bookingId={bookingId}
            version={currentVersion}
            accountName={accountName}
            action={recordAction}
          />
        </>
      )}
      {signatures.length > 0 ? (
        <details>
          <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-teal-800 underline">
            Signed consents ({signatures.length})
          </summary>
          <div className="mt-2">
            <SignedConsentList signatures={signatures} timeZone={timeZone} headingLevel={3} emptyText="" />
          </div>
        </details>
      ) : null}
    </div>
  );
}
