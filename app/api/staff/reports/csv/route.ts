// GET /api/staff/reports/csv?from=YYYY-MM-DD&to=YYYY-MM-DD: the clinic report as a CSV download
// (admins only; anyone else gets the same 404 as no such route).
import { requireApiUser } from "@/lib/auth/guards";
import { ApiError, apiHandler } from "@/lib/http/api-error";
import { reportCsvFilename, reportToCsv } from "@/lib/reports/report-csv";
import { readReportPeriod } from "@/lib/reports/report-math";
import { getClinicReport } from "@/lib/reports/reports";
import { staffApiRouteAllows } from "@/lib/auth/require-staff-route";
import { getClinic } from "@/lib/clinic/get-clinic";

export const dynamic = "force-dynamic";

export const GET = apiHandler(async (request: Request) => {
  const user = await requireApiUser();
  if (!(await staffApiRouteAllows(user, "GET /api/staff/reports/csv"))) throw new ApiError("not_found", "Not found.");
  const search = new URL(request.url).searchParams;
  const timeZone = getClinic().timeZone;
  const asked = readReportPeriod(
    { from: search.get("from") ?? undefined, to: search.get("to") ?? undefined },
    timeZone,
    new Date(),
  );
  if (!asked.ok)
    throw new ApiError("invalid_request", "Choose a valid period.", asked.errors as Record<string, string[]>);
  const report = await getClinicReport(asked.period, timeZone);
  return new Response(reportToCsv(report), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${reportCsvFilename(report)}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
