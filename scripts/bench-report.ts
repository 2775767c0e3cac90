// The figures of `npm run bench` as data: latency summaries, each target's verdict, and the JSON
// report the bench writes beside what it prints (BENCH_JSON, default bench-results.json). Pure, so
// the arithmetic and the file's shape are unit-tested (tests/unit/bench-report.test.ts).
import { z } from "zod";

export const BENCH_REPORT_VERSION = 1;

/** Nearest-rank percentile of latencies sorted ascending: the smallest value with at least p% at or below it. */
export function percentile(sortedAscending: readonly number[], p: number): number {
  if (sortedAscending.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sortedAscending.length);
  return sortedAscending[Math.min(sortedAscending.length, Math.max(1, rank)) - 1] as number;
}

export const latencySummarySchema = z.object({
  requests: z.number().int().min(0),
  p50: z.number().nullable(),
  p95: z.number().nullable(),
  max: z.number().nullable(),
  // Responses by HTTP status, e.g. { "201": 180, "409": 2 }.
  statuses: z.record(z.string().regex(/^\d{3}$/), z.number().int().min(0)),
});
export type LatencySummary = z.infer<typeof latencySummarySchema>;

/** The middle figure (the lower of the two middle ones for an even count), or null for none. */
export function median(figures: readonly number[]): number | null {
  if (figures.length === 0) return null;
  return percentile(
    [...figures].sort((a, b) => a - b),
    50,
  );
}

const finiteOrNull = (value: number): number | null => (Number.isFinite(value) ? value : null);

/** p50, p95 and max (ms) of every response seen, with the count of each status. */
export function summariseLatencies(
  latencies: readonly number[],
  statuses: ReadonlyMap<number, number>,
): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    requests: sorted.length,
    p50: finiteOrNull(percentile(sorted, 50)),
    p95: finiteOrNull(percentile(sorted, 95)),
    max: finiteOrNull(sorted.at(-1) ?? Number.NaN),
    statuses: Object.fromEntries([...statuses].sort(([a], [b]) => a - b).map(([status, n]) => [String(status), n])),
  };
}

/** How many responses had a status in [from, to). */
export function countStatuses(summary: LatencySummary, from: number, to: number): number {
  return Object.entries(summary.statuses)
    .filter(([status]) => Number(status) >= from && Number(status) < to)
    .reduce((sum, [, n]) => sum + n, 0);
}

/** One phase's reading of the server's CPU time: before, after (ms, or null where unreadable) and requests answered. */
export interface CpuReading {
  before: number | null;
  after: number | null;
  requests: number;
}

/** The server's CPU milliseconds per GET /api/me and per booking, and their ratio; null if either was not read. */
export function cpuPerRequest(me: CpuReading, bookings: CpuReading): BookingMode["serverCpu"] {
  const perRequest = ({ before, after, requests }: CpuReading) =>
    before === null || after === null || requests <= 0 ? null : (after - before) / requests;
  const meMs = perRequest(me);
  const bookingMs = perRequest(bookings);
  if (meMs === null || bookingMs === null) return null;
  return { meMsPerRequest: meMs, bookingMsPerRequest: bookingMs, ratio: ratio(bookingMs, meMs) };
}

/** a / b, or null when either is missing or b is not a positive figure (no meaningful ratio). */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || b <= 0) return null;
  return a / b;
}

export const targetVerdictSchema = z.object({
  name: z.string().min(1),
  // The measured figure; null when it could not be measured (then the target is not met).
  figure: z.number().nullable(),
  limit: z.number(),
  unit: z.string(),
  met: z.boolean(),
  // Whether a miss fails the bench (exit 1), or is only reported.
  enforced: z.boolean(),
});
export type TargetVerdict = z.infer<typeof targetVerdictSchema>;

/** A target of the form "figure ≤ limit"; a figure that could not be measured does not meet it. */
export function atMost(
  name: string,
  figure: number | null,
  limit: number,
  unit: string,
  { enforced = false } = {},
): TargetVerdict {
  return { name, figure, limit, unit, met: figure !== null && Number.isFinite(figure) && figure <= limit, enforced };
}

export function metLabel(verdict: Pick<TargetVerdict, "met">): "met" | "not met" {
  return verdict.met ? "met" : "not met";
}

/** Failure lines for the enforced targets that were missed. */
export function enforcedFailures(verdicts: readonly TargetVerdict[]): string[] {
  return verdicts
    .filter((verdict) => verdict.enforced && !verdict.met)
    .map((verdict) => `${verdict.name}: ${verdict.figure ?? "not measured"} ${verdict.unit}, limit ${verdict.limit}`);
}

export const databaseKindSchema = z.enum(["embedded", "postgresql"]);
export type DatabaseKind = z.infer<typeof databaseKindSchema>;

const endpointSchema = latencySummarySchema.extend({
  concurrency: z.number().int().min(1),
  // p95 of this endpoint over p95 of GET /api/me measured at the same concurrency, same server, same run.
  p95RatioToMe: z.number().nullable(),
});

export const bookingModeSchema = z.object({
  database: databaseKindSchema,
  // How the server under test was started (production build; on PostgreSQL, which NODE_ENV and Stripe).
  server: z.string(),
  concurrency: z.number().int().min(1),
  seconds: z.number().positive(),
  me: z.object({ at10: endpointSchema, atBookingConcurrency: endpointSchema }),
  availability: endpointSchema,
  bookings: endpointSchema.extend({ created: z.number().int().min(0), serverErrors: z.number().int().min(0) }),
  weekView: endpointSchema.extend({ bookingsShown: z.number().int().min(0) }),
  // The server process's own CPU time (user + system, from /proc) per request while GET /api/me
  // and then the bookings ran at the booking concurrency: what the latency ratio comes down to when
  // the server is busy, and far steadier than latencies on a shared machine. Null where /proc is missing.
  serverCpu: z
    .object({ meMsPerRequest: z.number(), bookingMsPerRequest: z.number(), ratio: z.number().nullable() })
    .nullable()
    .optional(),
  statements: z.object({
    // One availability and one booking request as tests/db/request-statements.test.ts counts and caps them.
    availability: z.number().int().nullable(),
    booking: z.number().int().nullable(),
    countedBy: z.string(),
    // Whole HTTP requests to the running server (session, throttle and all), one figure per request
    // measured; null where the bench cannot count them (the embedded database has no wire).
    wholeRequest: z
      .object({
        availability: z.array(z.number().int()),
        booking: z.array(z.number().int()),
        // The text of each statement of the first booking counted, in order.
        oneBooking: z.array(z.string()),
        countedBy: z.string(),
      })
      .nullable(),
  }),
  targets: z.array(targetVerdictSchema),
});
export type BookingMode = z.infer<typeof bookingModeSchema>;

export const pageWeightSchema = z.object({
  budgetKb: z.number(),
  pages: z.array(
    z.object({
      page: z.string(),
      scripts: z.number().int(),
      scriptKb: z.number(),
      inlineKb: z.number(),
      kb: z.number(),
    }),
  ),
});

export const catalogueSchema = z.object({
  database: databaseKindSchema,
  connections: z.number().int(),
  seconds: z.number(),
  rounds: z.number().int(),
  minRatio: z.number(),
  routes: z.array(
    z.object({ route: z.string(), bestRps: z.number(), ratio: z.number(), everyRound: z.array(z.number()) }),
  ),
});

export const benchReportSchema = z.object({
  version: z.literal(BENCH_REPORT_VERSION),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime(),
  commit: z.object({ sha: z.string().nullable(), dirty: z.boolean().nullable() }),
  node: z.string(),
  host: z.object({ cpus: z.number().int(), loadAverage: z.array(z.number()) }),
  pageWeight: pageWeightSchema.nullable(),
  catalogue: catalogueSchema.nullable(),
  slotComputation: z.object({ msPerRun: z.number(), runs: z.number().int(), target: targetVerdictSchema }).nullable(),
  booking: z.array(bookingModeSchema),
  failures: z.array(z.string()),
  passed: z.boolean(),
});
export type BenchReport = z.infer<typeof benchReportSchema>;

export const TARGETS = {
  computeMonthMs: 2,
  weekViewBookings: 300,
  availabilityP95Ratio: 2,
  // Issue #15: booking p95 at most 5x GET /api/me at 20 concurrent clients (on PostgreSQL).
  bookingP95Ratio: 5,
  availabilityStatements: 3,
  // Issue #15: at most 10 SQL statements per booking, counted at the driver.
  bookingStatements: 10,
};

/** Every booking target of one database, met or not; none of them fails the bench (they are reported). */
export function bookingTargets(
  figures: Pick<BookingMode, "availability" | "bookings" | "statements">,
): TargetVerdict[] {
  return [
    atMost(
      "GET /api/availability p95 / GET /api/me p95",
      figures.availability.p95RatioToMe,
      TARGETS.availabilityP95Ratio,
      "x",
    ),
    atMost(
      `POST /api/bookings p95 / GET /api/me p95, ${figures.bookings.concurrency} clients`,
      figures.bookings.p95RatioToMe,
      TARGETS.bookingP95Ratio,
      "x",
    ),
    atMost(
      "SQL statements per availability request",
      figures.statements.availability,
      TARGETS.availabilityStatements,
      "statements",
    ),
    atMost("SQL statements per booking", figures.statements.booking, TARGETS.bookingStatements, "statements"),
    ...(figures.statements.wholeRequest
      ? [
          atMost(
            "SQL statements per POST /api/bookings (whole request, median)",
            median(figures.statements.wholeRequest.booking),
            TARGETS.bookingStatements,
            "statements",
          ),
        ]
      : []),
  ];
}

/** The report, checked against its schema so a figure missing or misnamed fails loudly, not silently. */
export function buildBenchReport(input: Omit<BenchReport, "version" | "passed">): BenchReport {
  return benchReportSchema.parse({ ...input, version: BENCH_REPORT_VERSION, passed: input.failures.length === 0 });
}
