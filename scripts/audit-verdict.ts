// Reads `npm audit --json` output: pass, fail (a high or critical advisory), or unchecked (the
// advisory service was not reachable, so nothing is known either way).
export interface AuditReport {
  metadata?: { vulnerabilities?: Record<string, number> };
  message?: string;
}

export type AuditVerdict = { outcome: "pass" | "fail"; summary: string } | { outcome: "unchecked"; summary: string };

export function auditVerdict(report: AuditReport): AuditVerdict {
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    return {
      outcome: "unchecked",
      summary: `the advisory database could not be reached (${report.message ?? "no report"}); dependencies were NOT audited in this run`,
    };
  }
  const [critical, high, moderate, low] = ["critical", "high", "moderate", "low"].map((level) => counts[level] ?? 0);
  return {
    outcome: (critical ?? 0) + (high ?? 0) > 0 ? "fail" : "pass",
    summary: `${critical} critical, ${high} high, ${moderate} moderate, ${low} low`,
  };
}
