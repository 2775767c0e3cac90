import type { Metadata } from "next";
import { PhoneBookingForm } from "@/components/staff/phone-booking-form";
import { PhoneClientForm } from "@/components/staff/phone-client-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { getAvailability } from "@/lib/availability/get-availability";
import { getEnv } from "@/lib/env";
import { NotFound } from "@/lib/errors/domain-errors";
import { firstSearchParam, type SearchParamValue } from "@/lib/http/search-params";
import { formatMoney } from "@/lib/money";
import { searchClients, type ClientSummary } from "@/lib/clients/clients";
import { listPhoneBookingOptions } from "@/lib/clients/phone-booking-options";
import { formatAnsweredOn } from "@/lib/booking/last-intake";
import { getBookableClient } from "@/lib/clients/phone-client";
import {
  clearedConditionsForPhoneBooking,
  openLastIntakeForPhoneBooking,
} from "@/lib/clients/phone-client-last-intake";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { loadStaffViewer, seesEveryone, type StaffViewer } from "@/lib/auth/staff-viewer";
import { addDays, clinicToday, formatClinicDate, formatZoneName, isSchedulableDate } from "@/lib/time/clinic-time";
import { bookForClientAction, createPhoneClientAction } from "./actions";
import { getClinic } from "@/lib/clinic/get-clinic";

export const metadata: Metadata = { title: "Staff: book for a client", robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: SearchParamValue) => firstSearchParam(value, 100);

const selectClass = "min-h-11 rounded-lg border border-control bg-white px-3 text-base";

async function findClient(viewer: StaffViewer, id: string | undefined): Promise<ClientSummary | null> {
  if (!id) return null;
  try {
    return await getBookableClient(viewer, id);
  } catch (error) {
    if (error instanceof NotFound) return null;
    throw error;
  }
}

// A booking taken over the phone, in three steps on one page: the client (found or created), the
// treatment, therapist and day (a therapist books only into their own schedule), then the time, the
// health screening and how the client pays. The choices so far live in the URL.
export default async function StaffBookPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireStaffRoute("/staff/book");
  const viewer = await loadStaffViewer(user);
  const query = await searchParams;
  const env = getEnv();
  const timeZone = getClinic().timeZone;
  const now = new Date();
  const today = clinicToday(timeZone, now);
  const lastDay = addDays(today, env.BOOKING_HORIZON_DAYS);

  const q = one(query.q)?.trim() ?? "";
  const clientId = one(query.client);
  const client = await findClient(viewer, clientId);
  const options = client ? await listPhoneBookingOptions(viewer) : [];
  const serviceSlug = one(query.service);
  const service = options.find((option) => option.slug === serviceSlug);
  const therapists = [...new Map(options.flatMap((option) => option.therapists).map((t) => [t.id, t])).values()];
  const therapistId = seesEveryone(viewer) ? one(query.therapist) : (viewer.therapistId ?? undefined);
  const therapist = service?.therapists.find((candidate) => candidate.id === therapistId);
  const rawDate = one(query.date);
  const date = rawDate && isSchedulableDate(rawDate) && rawDate >= today && rawDate <= lastDay ? rawDate : undefined;

  let slotsProblem: string | null = null;
  let slots: { start: string; label: string }[] = [];
  let previousAnswers: { answeredOn: string; answers: Record<string, boolean> } | null = null;
  let clearedQuestionIds: string[] = [];
  if (client && service && therapist && date) {
    // The screening shows on this step only: the client's last answers are opened (and audited) here.
    const last = await openLastIntakeForPhoneBooking(viewer, client.id, now);
    clearedQuestionIds = await clearedConditionsForPhoneBooking(viewer, client.id, now);
    previousAnswers = last
      ? { answeredOn: formatAnsweredOn(last.answeredAt, timeZone), answers: last.intake.answers }
      : null;
    try {
      const availability = await getAvailability(
        { service: service.slug, therapist: therapist.id, from: date, to: date },
        now,
      );
      const format = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hour: "numeric",
        minute: "2-digit",
        timeZoneName: "short",
      });
      slots = availability.slots.map((slot) => ({ start: slot.start, label: format.format(new Date(slot.start)) }));
    } catch (error) {
      if (!(error instanceof NotFound)) throw error;
      slotsProblem = error.message;
    }
  }
  const results = !client && q ? await searchClients(viewer, q) : [];

  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Book for a client</h1>
      <p className="text-muted">
        A booking taken by phone. {seesEveryone(viewer) ? "Any therapist's schedule." : "Into your own schedule."} Times
        are in {formatZoneName(timeZone, now)}.
      </p>

      <section aria-labelledby="client-step" className="mt-6 rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
        <h2 id="client-step" className="text-xl font-semibold">
          1. Client
        </h2>
        {clientId && !client ? (
          <div className="mt-3">
            <Alert tone="error">We couldn&apos;t find that client. Search again.</Alert>
          </div>
        ) : null}
        {client ? (
          <div className="mt-3 flex flex-col gap-3">
            {one(query.created) ? <Alert>New client saved.</Alert> : null}
            {one(query.existing) ? (
              <Alert>That email belongs to a client we already know: booking for them (no second account).</Alert>
            ) : null}
            <p>
              <strong data-testid="chosen-client">{client.name ?? client.email}</strong>
              <span className="block text-muted">
                {client.email}
                {client.phone ? ` · ${client.phone}` : ""}
              </span>
            </p>
            <div>
              <ButtonLink href="/staff/book" variant="secondary">
                Change client
              </ButtonLink>
            </div>
          </div>
        ) : (
          <div className="mt-3 grid gap-8 lg:grid-cols-2">
            <div>
              <form method="get" role="search" className="flex flex-wrap items-end gap-3">
                <label className="flex flex-col gap-1 font-semibold">
                  Find a client by name, email or phone
                  <input
                    type="search"
                    name="q"
                    defaultValue={q}
                    maxLength={100}
                    className="min-h-11 w-72 max-w-full rounded-lg border border-control bg-white px-3 font-normal"
                  />
                </label>
                <button
                  type="submit"
                  className="min-h-11 rounded-full bg-teal-700 px-5 font-semibold text-white hover:bg-teal-800"
                >
                  Search
                </button>
              </form>
              {q ? (
                results.length === 0 ? (
                  <p className="mt-3">No client matches “{q}”. Add them as a new client.</p>
                ) : (
                  <ul className="mt-3 divide-y divide-teal-600/10" aria-label="Clients found">
                    {results.map((found) => (
                      <li key={found.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                        <span>
                          <strong>{found.name ?? found.email}</strong>
                          <span className="block text-sm text-muted">
                            {found.email}
                            {found.phone ? ` · ${found.phone}` : ""}
                          </span>
                        </span>
                        <ButtonLink href={`/staff/book?client=${encodeURIComponent(found.id)}`} variant="secondary">
                          Book for {found.name ?? found.email}
                        </ButtonLink>
                      </li>
                    ))}
                  </ul>
                )
              ) : null}
            </div>
            <div>
              <h3 className="mb-3 text-lg font-semibold">New client</h3>
              <PhoneClientForm action={createPhoneClientAction} />
            </div>
          </div>
        )}
      </section>

      {client ? (
        <section aria-labelledby="what-step" className="mt-6 rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
          <h2 id="what-step" className="text-xl font-semibold">
            2. Treatment, therapist and day
          </h2>
          {options.length === 0 ? (
            <p className="mt-3">No treatment can be booked into {seesEveryone(viewer) ? "any" : "your"} schedule.</p>
          ) : (
            <form method="get" className="mt-3 flex flex-wrap items-end gap-4">
              <input type="hidden" name="client" value={client.id} />
              <label className="flex min-w-0 max-w-full flex-col gap-1 font-semibold">
                Treatment
                <select name="service" defaultValue={service?.slug} required className={`${selectClass} max-w-full`}>
                  {options.map((option) => (
                    <option key={option.slug} value={option.slug}>
                      {option.name} ({option.durationMinutes} min, {formatMoney(option.priceCents, option.currency)})
                    </option>
                  ))}
                </select>
              </label>
              {seesEveryone(viewer) ? (
                <label className="flex flex-col gap-1 font-semibold">
                  Therapist
                  <select name="therapist" defaultValue={therapistId} required className={selectClass}>
                    {therapists.map((option) => (
                      <option key={option.id} value={option.id}>
                        {option.name}
                      </option>
                    ))}
                  </select>
                </label>
              ) : (
                <p className="min-h-11 content-center">With you ({therapists[0]?.name})</p>
              )}
              <label className="flex flex-col gap-1 font-semibold">
                Day
                <input
                  type="date"
                  name="date"
                  defaultValue={date ?? today}
                  min={today}
                  max={lastDay}
                  required
                  className={selectClass}
                />
              </label>
              <button
                type="submit"
                className="min-h-11 rounded-full bg-teal-700 px-5 font-semibold text-white hover:bg-teal-800"
              >
                Show free times
              </button>
            </form>
          )}
          {rawDate && !date ? (
            <p className="mt-3 font-medium text-alert-700">Choose a day from today to {formatClinicDate(lastDay)}.</p>
          ) : null}
          {service && therapistId && !therapist ? (
            <p className="mt-3 font-medium text-alert-700">
              That therapist doesn&apos;t give {service.name}. Choose another therapist or treatment.
            </p>
          ) : null}
        </section>
      ) : null}

      {client && service && therapist && date ? (
        <section aria-labelledby="book-step" className="mt-6">
          <h2 id="book-step" className="mb-3 text-xl font-semibold">
            3. {service.name} with {therapist.name}, {formatClinicDate(date)}
          </h2>
          {slotsProblem ? (
            <Alert tone="error">{slotsProblem}</Alert>
          ) : (
            <PhoneBookingForm
              key={`${service.slug}|${therapist.id}|${date}|${client.id}`}
              clientId={client.id}
              clientName={client.name ?? client.email}
              service={service.slug}
              therapistId={therapist.id}
              slots={slots}
              price={formatMoney(service.priceCents, service.currency)}
              action={bookForClientAction}
              previous={previousAnswers}
              clearedQuestionIds={clearedQuestionIds}
            />
          )}
        </section>
      ) : null}
    </>
  );
}
