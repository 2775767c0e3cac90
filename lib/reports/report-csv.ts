// The report as CSV for a spreadsheet: one line per therapist and the total, money in the currency's
// main unit. Every cell goes through neutraliseCsvCell, so a therapist named "=HYPERLINK(…)" is text.
import { stringify } from "csv-stringify/sync";
import { formatPercent, neutraliseCsvCell, REPORT_STATUSES, type ReportRow } from "./report-math";
import type { ClinicReport } from "./reports";

const STATUS_HEADINGS: Record<(typeof REPORT_STATUSES)[number], string> = {
  PENDING_PAYMENT: "Awaiting payment",
  CONFIRMED: "Confirmed",
  CHECKED_IN: "Checked in",
  COMPLETED: "Completed",
  NO_SHOW: "No-shows",
  CANCELLED: "Cancelled",
  EXPIRED: "Lapsed holds",
};

const money = (cents: number) => (cents / 100).toFixed(2);

export function reportCsvFilename(report: ClinicReport): string {
  return `clinic-report-${report.period.from}-to-${report.period.to}.csv`;
}

export function reportToCsv(report: ClinicReport): string {
  const currency = report.currency.toUpperCase();
  const header = [
    "Therapist",
    "Bookings",
    ...REPORT_STATUSES.map((status) => STATUS_HEADINGS[status]),
    `Revenue (${currency})`,
    `Of which at the desk (${currency})`,
    `Refunds (${currency})`,
    `Net (${currency})`,
    "Booked minutes",
    "Working minutes",
    "Utilisation",
  ];
  const line = (row: ReportRow) => [
    row.name,
    row.totalBookings,
    ...REPORT_STATUSES.map((status) => row.bookings[status]),
    money(row.revenueCents),
    money(row.deskRevenueCents),
    money(row.refundCents),
    money(row.netCents),
    row.bookedMinutes,
    row.workingMinutes,
    formatPercent(row.utilisation),
  ];
  const records = [header, ...report.rows.map(line), line(report.total)];
  return stringify(records.map((record) => record.map(neutraliseCsvCell)));
}
