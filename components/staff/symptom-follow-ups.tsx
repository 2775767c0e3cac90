// "Call to follow up": recent cancellations whose fee was waived for new calf symptoms, so staff can
// ask the client whether they saw a doctor. Shown above the day's schedule while there are any.
import Link from "next/link";
import type { SymptomFollowUp } from "@/lib/clinical/symptom-follow-ups";
import { formatClinicDateTime } from "@/lib/time/clinic-time";

export function SymptomFollowUps({
  followUps,
  days,
  timeZone,
  linkClients,
}: {
  followUps: SymptomFollowUp[];
  days: number;
  timeZone: string;
  /** Admins open the client's page; a therapist may not see it once the visit is cancelled. */
  linkClients: boolean;
}) {
  if (followUps.length === 0) return null;
  return (
    <section aria-labelledby="follow-ups-heading" className="mt-6 rounded-2xl bg-amber-50 p-4 ring-1 ring-amber-300">
      <h2 id="follow-ups-heading" className="text-lg font-semibold text-amber-900">
        Call to follow up: cancelled for new calf symptoms
      </h2>
      <p className="text-sm text-amber-900">
        These clients cancelled in the last {days} days saying they had new calf pain, swelling, warmth or redness. Ask
        whether they have seen a doctor; don&apos;t rebook until they have.
      </p>
      <ul className="mt-3 space-y-2">
        {followUps.map((followUp) => (
          <li key={followUp.bookingId} className="rounded-lg bg-white p-3 ring-1 ring-amber-200">
            {linkClients ? (
              <Link
                href={`/staff/clients/${followUp.client.id}`}
                className="inline-flex min-h-11 items-center font-semibold underline"
              >
                {followUp.client.name ?? followUp.client.email}
              </Link>
            ) : (
              <span className="font-semibold">{followUp.client.name ?? followUp.client.email}</span>
            )}
            {followUp.client.phone ? (
              <>
                {" · "}
                <a href={`tel:${followUp.client.phone.replace(/[^\d+]/g, "")}`} className="underline">
                  {followUp.client.phone}
                </a>
              </>
            ) : null}
            <p className="text-sm text-muted">
              {followUp.serviceName} with {followUp.therapistName}, was{" "}
              {formatClinicDateTime(followUp.startsAt, timeZone)}; cancelled{" "}
              {formatClinicDateTime(followUp.cancelledAt, timeZone)}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
