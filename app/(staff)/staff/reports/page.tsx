import type { Metadata } from "next";
import { ReportChart } from "@/components/staff/report-chart";
import { Alert } from "@/components/ui/alert";
import { formatMoney } from "@/lib/money";
import { formatPercent, readReportPeriod, type ReportRow } from "@/lib/reports/report-math";
import { getClinicReport } from "@/lib/reports/reports";
import { firstSearchParam, type SearchParamValue } from "@/lib/http/search-params";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { formatClinicDate, formatZoneName } from "@/lib/time/clinic-time";
import { getClinic } from "@/lib/clinic/get-clinic";

export const metadata: Metadata = { title: "Staff: reports", robots: { index: false } };

type SearchParams = Record<string, string | string[] | undefined>;
const one = (value: SearchParamValue) => firstSearchParam(value, 20);

const inputClass =
  "min-h-11 rounded-lg border border-control bg-white px-3 text-base font-normal aria-invalid:border-alert-700";

// Admins: the clinic's figures for a period of clinic dates (this month unless asked), per therapist
// and in total, as a chart, a table and a CSV download.
export default async function StaffReportsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  await requireStaffRoute("/staff/reports");
  const query = await searchParams;
  const timeZone = getClinic().timeZone;
  const now = new Date();
  const asked = { from: one(query.from), to: one(query.to) };
  const read = readReportPeriod(asked, timeZone, now);
  const errors = read.ok ? {} : read.errors;
  const report = await getClinicReport(read.period, timeZone);
  const money = (cents: number) => formatMoney(cents, report.currency);
  const csvHref = `/api/staff/reports/csv?from=${report.period.from}&to=${report.period.to}`;
  const rows: ReportRow[] = [...report.rows, report.total];

  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Reports</h1>
      <p className="text-muted">
        Dates are clinic days in {formatZoneName(timeZone, now)}. Money is counted on the day it was paid or refunded.
      </p>

      <form method="get" className="mt-6 flex flex-wrap items-end gap-4" noValidate>
        <label className="flex flex-col gap-1 font-semibold">
          From
          <input
            type="date"
            name="from"
            defaultValue={asked.from ?? report.period.from}
            aria-invalid={errors.from ? true : undefined}
            aria-describedby={errors.from ? "from-error" : undefined}
            className={inputClass}
          />
        </label>
        <label className="flex flex-col gap-1 font-semibold">
          To
          <input
            type="date"
            name="to"
            defaultValue={asked.to ?? report.period.to}
            aria-invalid={errors.to ? true : undefined}
            aria-describedby={errors.to ? "to-error" : undefined}
            className={inputClass}
          />
        </label>
        <button
          type="submit"
          className="min-h-11 rounded-full bg-teal-700 px-5 font-semibold text-white hover:bg-teal-800"
        >
          Show
        </button>
        <a
          href={csvHref}
          download
          className="inline-flex min-h-11 items-center rounded-full px-4 font-semibold text-teal-800 underline hover:bg-teal-50"
        >
          Download CSV
        </a>
      </form>
      {!read.ok ? (
        <div className="mt-3">
          <Alert tone="error" title="That period can't be shown">
            {errors.from ? <p id="from-error">From: {errors.from.join(" ")}</p> : null}
            {errors.to ? <p id="to-error">To: {errors.to.join(" ")}</p> : null}
            <p>Showing this month instead.</p>
          </Alert>
        </div>
      ) : null}

      <h2 className="mt-8 text-xl font-semibold" id="period-heading">
        {formatClinicDate(report.period.from)} to {formatClinicDate(report.period.to)}
      </h2>
      <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ["Bookings", String(report.total.totalBookings)],
          ["Net revenue", money(report.total.netCents)],
          ["Refunds", money(report.total.refundCents)],
          ["No-shows", String(report.total.noShows)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-2xl bg-white p-4 ring-1 ring-teal-600/15">
            <dt className="text-sm text-muted">{label}</dt>
            <dd className="text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>

      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <ReportChart
          title="Net revenue per therapist"
          bars={report.rows.map((row) => ({
            label: row.name,
            value: Math.max(0, row.netCents),
            text: money(row.netCents),
          }))}
        />
        <ReportChart
          title="Utilisation per therapist (booked ÷ working time)"
          max={1}
          bars={report.rows.map((row) => ({
            label: row.name,
            value: row.utilisation ?? 0,
            text: formatPercent(row.utilisation),
          }))}
        />
      </div>

      <div
        className="mt-6 overflow-x-auto rounded-2xl bg-white ring-1 ring-teal-600/15"
        role="region"
        aria-labelledby="report-table-caption"
        tabIndex={0}
      >
        <table className="w-full min-w-[56rem] text-left">
          <caption id="report-table-caption" className="p-4 text-left font-semibold">
            Figures per therapist and in total
          </caption>
          <thead className="border-b border-teal-600/15 text-sm">
            <tr>
              {[
                "Therapist",
                "Bookings",
                "Confirmed",
                "Checked in",
                "Completed",
                "No-shows",
                "Cancelled",
                "Revenue",
                "At the desk",
                "Refunds",
                "Net",
                "Booked h",
                "Working h",
                "Utilisation",
              ].map((heading) => (
                <th key={heading} scope="col" className="px-3 py-2">
                  {heading}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const total = row === report.total;
              return (
                <tr
                  key={row.therapistId}
                  className={total ? "border-t-2 border-teal-700 font-semibold" : "border-t border-teal-600/10"}
                >
                  <th scope="row" className="px-3 py-2">
                    {row.name}
                  </th>
                  <td className="px-3 py-2">{row.totalBookings}</td>
                  <td className="px-3 py-2">{row.bookings.CONFIRMED}</td>
                  <td className="px-3 py-2">{row.bookings.CHECKED_IN}</td>
                  <td className="px-3 py-2">{row.bookings.COMPLETED}</td>
                  <td className="px-3 py-2">{row.noShows}</td>
                  <td className="px-3 py-2">{row.bookings.CANCELLED}</td>
                  <td className="px-3 py-2">{money(row.revenueCents)}</td>
                  <td className="px-3 py-2">{money(row.deskRevenueCents)}</td>
                  <td className="px-3 py-2">{money(row.refundCents)}</td>
                  <td className="px-3 py-2">{money(row.netCents)}</td>
                  <td className="px-3 py-2">{(row.bookedMinutes / 60).toFixed(1)}</td>
                  <td className="px-3 py-2">{(row.workingMinutes / 60).toFixed(1)}</td>
                  <td className="px-3 py-2">{formatPercent(row.utilisation)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {report.rows.length === 0 ? <p className="mt-3 text-muted">No therapists yet.</p> : null}
    </>
  );
}
