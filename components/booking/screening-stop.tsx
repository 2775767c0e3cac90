// What the booking page says when a screening answer stops the online booking: where to get care,
// how soon, and the clinic's number, in the questionnaire's words (OUTCOME_MESSAGES). It never
// offers a booking or a payment.
import { RedFlagBox } from "@/components/learn/red-flag-box";
import { OpeningHours } from "@/components/layout/clinic-phone";
import { OUTCOME_MESSAGES, type StopOutcome } from "@/lib/clinical/questionnaire";
import { getClinicIdentity } from "@/lib/clinic/clinic-identity";

export const SCREENING_STOP_HEADING_ID = "screening-stop-heading";

// Emergency and same-day stops are alarms; a doctor's go-ahead first ("clearance") and "come when
// you're well" ("reschedule") are not urgent, so they read calmly, lead with the clinic's number,
// and keep the "seek care now" list folded away.
export function ScreeningStop({ outcome }: { outcome: StopOutcome }) {
  const { title, body } = OUTCOME_MESSAGES[outcome];
  const calm = outcome === "clearance" || outcome === "reschedule";
  const clinicPhone = (
    <p className={calm ? "mt-4" : "mt-3"}>
      <span className={calm ? "block text-sm font-semibold text-teal-800" : ""}>Call the clinic:</span>{" "}
      <a
        href={`tel:${getClinicIdentity().phone}`}
        className={
          calm
            ? "mt-2 inline-flex min-h-11 items-center rounded-full bg-teal-700 px-5 text-lg font-semibold text-white"
            : "inline-flex min-h-11 items-center font-semibold underline"
        }
      >
        {getClinicIdentity().phoneDisplay}
      </a>
      <OpeningHours className="mt-1 block" />
    </p>
  );
  return (
    <section aria-labelledby={SCREENING_STOP_HEADING_ID} className="flex flex-col gap-5">
      {calm ? (
        <div className="rounded-2xl border-2 border-teal-600 bg-teal-50 p-5 text-ink">
          <h3 id={SCREENING_STOP_HEADING_ID} tabIndex={-1} className="font-sans text-xl font-bold text-teal-800">
            {title}
          </h3>
          <p className="mt-2">{body}</p>
          {clinicPhone}
          <p className="mt-3">
            We can&apos;t take this booking online. Nothing has been booked and you have not been charged.
          </p>
        </div>
      ) : (
        <div role="alert" className="rounded-2xl border-2 border-alert-700 bg-alert-50 p-5 text-ink">
          <h3 id={SCREENING_STOP_HEADING_ID} tabIndex={-1} className="font-sans text-xl font-bold text-alert-700">
            {title}
          </h3>
          <p className="mt-2">{body}</p>
          {outcome === "emergency" ? (
            <a
              href="tel:911"
              className="mt-3 inline-flex min-h-11 items-center rounded-full bg-alert-700 px-5 font-semibold text-white"
            >
              Call 911
            </a>
          ) : null}
          <p className="mt-3 font-semibold">
            We can&apos;t take this booking online. Nothing has been booked and you have not been charged.
          </p>
          <p className="mt-3">Questions about whether a massage is right for you?</p>
          {clinicPhone}
        </div>
      )}
      {calm ? (
        <details className="rounded-2xl bg-white p-4 ring-1 ring-teal-600/15">
          <summary className="flex min-h-11 cursor-pointer items-center font-semibold text-teal-800">
            When to seek care now
          </summary>
          <div className="mt-3">
            <RedFlagBox headingLevel={3} />
          </div>
        </details>
      ) : (
        <RedFlagBox headingLevel={3} />
      )}
      <p className="text-sm text-muted">Answered by mistake? Change your answer above.</p>
    </section>
  );
}
