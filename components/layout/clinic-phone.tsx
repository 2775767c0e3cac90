// The clinic's phone number as a tap target of at least 44 px, with the hours someone answers:
// every "call us" on the site uses this, so the number and the hours are said the same way.
import { getClinicIdentity } from "@/lib/clinic/clinic-identity";

export function ClinicPhoneLink({ className = "" }: { className?: string }) {
  return (
    <a
      href={`tel:${getClinicIdentity().phone}`}
      className={`inline-flex min-h-11 items-center font-semibold underline ${className}`}
    >
      {getClinicIdentity().phoneDisplay}
    </a>
  );
}

export function OpeningHours({ className = "" }: { className?: string }) {
  return (
    <span className={`text-sm text-muted ${className}`}>Phones answered: {getClinicIdentity().openingHoursText}</span>
  );
}

/** "Call us on (718) 555-0142" with the hours beneath, for a sentence's end or a box. */
export function CallUs({ lead = "Call us on", className = "" }: { lead?: string; className?: string }) {
  return (
    <span className={`flex flex-col ${className}`}>
      <span>
        {lead} <ClinicPhoneLink />
      </span>
      <OpeningHours />
    </span>
  );
}
