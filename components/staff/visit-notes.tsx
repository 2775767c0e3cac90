// A client's treatment notes, one per visit, newest first: when, what, with whom, the SOAP text and
// the calf scores. Health data: the page that renders this records the view.
import Link from "next/link";
import {
  CALF_SIDE_LABELS,
  CALF_SIDES,
  SOAP_FIELDS,
  SOAP_LABELS,
  calfInWords,
  type CalfRecords,
  type SoapField,
} from "@/lib/clinical/treatment-note-schema";
import { formatClinicDateTime } from "@/lib/time/clinic-time";

export interface VisitNoteRow {
  bookingId: string;
  startsAt: Date;
  serviceName: string;
  therapistName: string;
  openable: boolean;
  note: { version: number; soap: Record<SoapField, string>; authorName: string } | null;
  calf: CalfRecords;
}

export function VisitNotes({ visits, timeZone }: { visits: VisitNoteRow[]; timeZone: string }) {
  if (visits.length === 0) return <p>No treatment notes yet.</p>;
  return (
    <ol className="flex flex-col gap-4">
      {visits.map((visit) => {
        const when = formatClinicDateTime(visit.startsAt, timeZone);
        return (
          <li key={visit.bookingId} className="rounded-2xl bg-white p-4 ring-1 ring-teal-600/15">
            <h3 className="font-semibold">
              {visit.openable ? (
                <Link href={`/staff/appointments/${visit.bookingId}`} className="underline">
                  {when}
                </Link>
              ) : (
                when
              )}
              <span className="font-normal">
                {" "}
                · {visit.serviceName} with {visit.therapistName}
              </span>
            </h3>
            {visit.note ? (
              <p className="text-sm text-muted">
                Version {visit.note.version}, last saved by {visit.note.authorName}
              </p>
            ) : null}
            <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
              {visit.note
                ? SOAP_FIELDS.map((field) => (
                    <div key={field} className="contents">
                      <dt className="font-semibold">{SOAP_LABELS[field].label}</dt>
                      <dd className="whitespace-pre-wrap">{visit.note?.soap[field] || "(blank)"}</dd>
                    </div>
                  ))
                : null}
              {CALF_SIDES.map((side) => (
                <div key={side} className="contents">
                  <dt className="font-semibold">{CALF_SIDE_LABELS[side]}</dt>
                  <dd>{calfInWords(visit.calf[side])}</dd>
                </div>
              ))}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
