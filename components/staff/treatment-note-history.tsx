// Every saved version of a visit's note, newest first: who saved it, when (clinic zone), why for an
// amendment, and what it said, folded. Health data: the page that renders this records the view.
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

export interface NoteRevisionRow {
  version: number;
  authorName: string;
  createdAt: Date;
  reason: string | null;
  soap: Record<SoapField, string>;
  calf: CalfRecords;
}

export function TreatmentNoteHistory({ revisions, timeZone }: { revisions: NoteRevisionRow[]; timeZone: string }) {
  if (revisions.length === 0) return <p className="text-muted">No versions saved yet.</p>;
  return (
    <ol className="divide-y divide-teal-600/10 rounded-2xl bg-white ring-1 ring-teal-600/15">
      {revisions.map((revision, index) => (
        <li key={revision.version} className="p-3">
          <p>
            <span className="font-semibold">
              Version {revision.version}
              {index === 0 ? " (current)" : ""}
            </span>{" "}
            {revision.version === 1 ? "written" : "amended"} by {revision.authorName},{" "}
            {formatClinicDateTime(revision.createdAt, timeZone)}
          </p>
          {revision.version > 1 ? <p className="text-sm">Reason: {revision.reason || "none given"}</p> : null}
          <details className="mt-1">
            <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-teal-800 underline">
              Show version {revision.version}
            </summary>
            <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
              {SOAP_FIELDS.map((field) => (
                <div key={field} className="contents">
                  <dt className="font-semibold">{SOAP_LABELS[field].label}</dt>
                  <dd className="whitespace-pre-wrap">{revision.soap[field] || "(blank)"}</dd>
                </div>
              ))}
              {CALF_SIDES.map((side) => (
                <div key={side} className="contents">
                  <dt className="font-semibold">{CALF_SIDE_LABELS[side]}</dt>
                  <dd>{calfInWords(revision.calf[side])}</dd>
                </div>
              ))}
            </dl>
          </details>
        </li>
      ))}
    </ol>
  );
}
