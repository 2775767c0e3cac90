import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CalfTrendChart } from "@/components/staff/calf-trend-chart";
import { ClearancePanel, type ClearanceRow } from "@/components/staff/clearance-panel";
import { ConsentStatus } from "@/components/staff/consent-status";
import { VisitNotes } from "@/components/staff/visit-notes";
import { VisitList } from "@/components/staff/visit-list";
import { listClearances, type ClearanceView } from "@/lib/clinical/clearance";
import {
  addMonths,
  CLEARANCE_QUESTIONS,
  DEFAULT_CLEARANCE_MONTHS,
  MAX_CLEARANCE_MONTHS,
} from "@/lib/clinical/clearance-schema";
import { CURRENT_CONSENT } from "@/lib/clinical/consent";
import { listConsentSignatures } from "@/lib/clinical/consent-signatures";
import { NotFound } from "@/lib/errors/domain-errors";
import { openClientRecords } from "@/lib/clinical/client-records";
import { getClientForStaff } from "@/lib/clients/clients";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { loadStaffViewer } from "@/lib/auth/staff-viewer";
import { clinicToday, formatClinicDate, formatClinicDateTime } from "@/lib/time/clinic-time";
import {
  recordClearanceAction,
  recordDeskConsentAction,
  revokeClearanceAction,
  withdrawConsentAction,
} from "./actions";
import { getClinic } from "@/lib/clinic/get-clinic";

export const metadata: Metadata = { title: "Staff: client", robots: { index: false } };

type Props = { params: Promise<{ id: string }> };

// A clearance as the panel lists it: days in the clinic's zone (validUntil is the end of its last day).
function clearanceRow(clearance: ClearanceView, timeZone: string): ClearanceRow {
  const day = (instant: Date) => formatClinicDate(clinicToday(timeZone, instant));
  return {
    id: clearance.id,
    question: clearance.question,
    clearedBy: clearance.clearedBy,
    clearedOn: day(clearance.clearedOn),
    validUntil: day(new Date(clearance.validUntil.getTime() - 1)),
    note: clearance.note,
    recordedBy: clearance.recordedByName,
    status: clearance.status,
    revokedNote: clearance.revokedAt
      ? `Revoked by ${clearance.revokedByName ?? "staff"} on ${formatClinicDateTime(clearance.revokedAt, timeZone)}.`
      : undefined,
  };
}

// A client's contact details and bookings; a therapist may open only clients they have seen or will see.
export default async function StaffClientPage({ params }: Props) {
  const { id } = await params;
  const user = await requireStaffRoute("/staff/clients/[id]", `/staff/clients/${encodeURIComponent(id)}`);
  const viewer = await loadStaffViewer(user);
  const client = await getClientForStaff(viewer, id).catch((error: unknown) => {
    if (error instanceof NotFound) notFound();
    throw error;
  });
  // Notes and calf records are health data: opening them is audited (the client sees who looked).
  const records = await openClientRecords(viewer, client);
  const timeZone = getClinic().timeZone;
  const [signatures, clearances] = await Promise.all([
    listConsentSignatures(client.id),
    listClearances(viewer, client.id),
  ]);
  const today = clinicToday(timeZone);

  return (
    <>
      <p className="text-sm font-semibold uppercase tracking-wide text-teal-700">Client</p>
      <h1 className="text-3xl font-semibold text-teal-800">{client.name ?? client.email}</h1>
      <dl className="mt-4 grid max-w-xl grid-cols-[auto_1fr] gap-x-4 gap-y-1 rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
        <dt className="font-semibold">Email</dt>
        <dd>
          <a href={`mailto:${client.email}`} className="underline">
            {client.email}
          </a>
          {client.emailVerified ? null : (
            <span className="ml-2 inline-block rounded-full bg-amber-100 px-2 py-0.5 text-sm font-semibold text-amber-900">
              Email not verified
            </span>
          )}
        </dd>
        <dt className="font-semibold">Phone</dt>
        <dd>
          {client.phone ? (
            <a href={`tel:${client.phone}`} className="underline">
              {client.phone}
            </a>
          ) : (
            "Not given"
          )}
        </dd>
      </dl>
      <section aria-labelledby="consent-heading" className="mt-8">
        <h2 id="consent-heading" className="mb-3 text-xl font-semibold">
          Consent
        </h2>
        <ConsentStatus
          clientId={client.id}
          accountName={client.name}
          currentVersion={CURRENT_CONSENT.version}
          signatures={signatures}
          timeZone={timeZone}
          recordAction={recordDeskConsentAction}
          withdrawAction={withdrawConsentAction}
        />
      </section>
      <section aria-labelledby="clearance-heading" className="mt-8">
        <h2 id="clearance-heading" className="text-xl font-semibold">
          Doctor&apos;s clearances
        </h2>
        <p className="mb-3 text-sm text-muted">
          A clearance in force lets the client book online for that condition until it lapses.
        </p>
        <ClearancePanel
          clientId={client.id}
          clearances={clearances.map((clearance) => clearanceRow(clearance, timeZone))}
          questions={CLEARANCE_QUESTIONS}
          today={today}
          defaultValidUntil={formatClinicDate(addMonths(today, DEFAULT_CLEARANCE_MONTHS))}
          maxMonths={MAX_CLEARANCE_MONTHS}
          recordAction={recordClearanceAction}
          revokeAction={revokeClearanceAction}
        />
      </section>
      <section aria-labelledby="bookings-heading" className="mt-8">
        <h2 id="bookings-heading" className="mb-3 text-xl font-semibold">
          Bookings
        </h2>
        <VisitList visits={client.bookings} timeZone={timeZone} empty="No bookings yet." />
      </section>
      <section aria-labelledby="trend-heading" className="mt-8">
        <h2 id="trend-heading" className="text-xl font-semibold">
          Calf record over visits
        </h2>
        <p className="mb-3 text-sm text-muted">Health data: your viewing of it is recorded and shown to the client.</p>
        <CalfTrendChart entries={records.trend} timeZone={timeZone} />
      </section>
      <section aria-labelledby="notes-heading" className="mt-8">
        <h2 id="notes-heading" className="mb-3 text-xl font-semibold">
          Treatment notes
        </h2>
        <VisitNotes visits={[...records.visits].reverse()} timeZone={timeZone} />
      </section>
    </>
  );
}
