// Signing in without losing the choice: both links carry the /book URL of the review step, and the
// sign-in and sign-up pages send the client straight back to it. The health answers stay in the tab.
import { ButtonLink } from "@/components/ui/button";
import { IntakeGate } from "./intake-gate";
import { StepHeading } from "./step-heading";

export function AccountStep({
  returnTo,
  healthHref,
  serviceSlug,
}: {
  returnTo: string;
  healthHref: string;
  serviceSlug?: string;
}) {
  const callback = encodeURIComponent(returnTo);
  return (
    <div>
      <StepHeading description="Your appointments, receipts and aftercare live in your account.">
        Sign in to book
      </StepHeading>
      <IntakeGate healthHref={healthHref} serviceSlug={serviceSlug}>
        <div className="rounded-2xl bg-white p-4 ring-1 ring-teal-600/15 sm:p-6">
          <p>
            Your treatment, therapist and time are kept: after signing in you come straight back here to review and pay.
          </p>
          <div className="mt-5 flex flex-col gap-3 sm:flex-row">
            <ButtonLink href={`/sign-up?callbackUrl=${callback}`}>Create an account</ButtonLink>
            <ButtonLink href={`/sign-in?callbackUrl=${callback}`} variant="secondary">
              Sign in
            </ButtonLink>
          </div>
        </div>
      </IntakeGate>
    </div>
  );
}
