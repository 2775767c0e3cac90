// The deployment suite's bookkeeping: each check passes or fails with the figures that decided it,
// answers are tallied by status with their latencies, and the run ends with a summary table and a
// closing `N passed, N failed` line that CI reads. Pure: no I/O but the strings it returns.

export interface Check {
  scenario: string;
  name: string;
  passed: boolean;
  /** The figures behind the verdict, printed beside it. */
  detail: string;
}

export interface Answer {
  /** 0 when no HTTP answer came (refused, reset, or our own time limit ran out). */
  status: number;
  ms: number;
}

export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile of already sorted values (p in 0..100). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))] as number;
}

export function summarizeLatencies(ms: readonly number[]): LatencySummary {
  const sorted = [...ms].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.length === 0 ? Number.NaN : (sorted[sorted.length - 1] as number),
  };
}

/** "3×200, 1×503": statuses in ascending order, "no answer" for 0. */
export function formatStatusCounts(answers: readonly Pick<Answer, "status">[]): string {
  const counts = new Map<number, number>();
  for (const { status } of answers) counts.set(status, (counts.get(status) ?? 0) + 1);
  if (counts.size === 0) return "none";
  return [...counts]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${n}×${status === 0 ? "no answer" : status}`)
    .join(", ");
}

export function formatLatencies(ms: readonly number[]): string {
  const { count, p50, p95, max } = summarizeLatencies(ms);
  if (count === 0) return "no requests";
  return `p50 ${Math.round(p50)} ms, p95 ${Math.round(p95)} ms, max ${Math.round(max)} ms`;
}

/** "12×200, 3×503; p50 40 ms, p95 2100 ms, max 2230 ms" */
export function describeAnswers(answers: readonly Answer[]): string {
  return `${formatStatusCounts(answers)}; ${formatLatencies(answers.map((answer) => answer.ms))}`;
}

export function countServerErrors(answers: readonly Pick<Answer, "status">[]): number {
  return answers.filter((answer) => answer.status >= 500).length;
}

/** Each value's number of occurrences, for values seen more than once. */
export function duplicatesOf<T>(values: Iterable<T>): Map<T, number> {
  const seen = new Map<T, number>();
  for (const value of values) seen.set(value, (seen.get(value) ?? 0) + 1);
  return new Map([...seen].filter(([, n]) => n > 1));
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + " ".repeat(width - text.length);
}

/** A plain-text table: one row per check, its verdict and figures. */
export function formatSummaryTable(checks: readonly Check[]): string {
  const scenarioWidth = Math.max(8, ...checks.map((check) => check.scenario.length));
  const nameWidth = Math.max(5, ...checks.map((check) => check.name.length));
  const header = `${pad("scenario", scenarioWidth)}  ${pad("check", nameWidth)}  verdict  figures`;
  const rule = "-".repeat(Math.min(160, header.length + 40));
  const rows = checks.map(
    (check) =>
      `${pad(check.scenario, scenarioWidth)}  ${pad(check.name, nameWidth)}  ${pad(check.passed ? "pass" : "FAIL", 7)}  ${check.detail}`,
  );
  return [header, rule, ...rows].join("\n");
}

/** The closing line CI reads, alone on its line: "N passed, N failed". */
export function closingLine(checks: readonly Check[]): string {
  const passed = checks.filter((check) => check.passed).length;
  return `${passed} passed, ${checks.length - passed} failed`;
}
