// The deployment suite's figures and verdict lines: percentiles, status tallies, the summary table
// and the closing "N passed, N failed" line CI reads.
import { describe, expect, it } from "vitest";
import {
  closingLine,
  countServerErrors,
  describeAnswers,
  duplicatesOf,
  formatStatusCounts,
  formatSummaryTable,
  percentile,
  summarizeLatencies,
  type Check,
} from "@/scripts/deploy/report";

describe("latency figures", () => {
  it.each([
    { values: [10], p: 50, expected: 10 },
    { values: [1, 2, 3, 4], p: 50, expected: 2 },
    { values: [1, 2, 3, 4], p: 95, expected: 4 },
    { values: Array.from({ length: 100 }, (_, i) => i + 1), p: 95, expected: 95 },
    { values: Array.from({ length: 20 }, (_, i) => i + 1), p: 95, expected: 19 },
    { values: [5, 7], p: 0, expected: 5 },
  ])("nearest-rank p$p of $values.length values is $expected", ({ values, p, expected }) => {
    expect(percentile(values, p)).toBe(expected);
  });

  it("summarises unsorted latencies, and says NaN for none", () => {
    expect(summarizeLatencies([30, 10, 20, 400])).toEqual({ count: 4, p50: 20, p95: 400, max: 400 });
    expect(Number.isNaN(summarizeLatencies([]).p95)).toBe(true);
  });
});

describe("status tallies", () => {
  it("counts statuses in order, naming a missing answer", () => {
    const answers = [{ status: 409 }, { status: 201 }, { status: 409 }, { status: 0 }, { status: 503 }];
    expect(formatStatusCounts(answers)).toBe("1×no answer, 1×201, 2×409, 1×503");
    expect(countServerErrors(answers)).toBe(1);
    expect(formatStatusCounts([])).toBe("none");
  });

  it("puts the tally and the latencies on one line", () => {
    expect(
      describeAnswers([
        { status: 200, ms: 12.4 },
        { status: 503, ms: 2100.6 },
      ]),
    ).toBe("1×200, 1×503; p50 12 ms, p95 2101 ms, max 2101 ms");
  });

  it("finds values seen more than once", () => {
    expect(duplicatesOf(["<a>", "<b>", "<a>", "<c>", "<a>"])).toEqual(new Map([["<a>", 3]]));
    expect(duplicatesOf([]).size).toBe(0);
  });
});

describe("summary and closing line", () => {
  const checks: Check[] = [
    { scenario: "(a)", name: "no 5xx", passed: true, detail: "9 trials" },
    { scenario: "(c)", name: "every answer within 8 s", passed: false, detail: "max 19900 ms" },
    { scenario: "(f)", name: "each message once", passed: true, detail: "200/200" },
  ];

  it("ends with exactly 'N passed, N failed'", () => {
    expect(closingLine(checks)).toBe("2 passed, 1 failed");
    expect(closingLine([])).toBe("0 passed, 0 failed");
  });

  it("prints one row per check with its verdict and figures", () => {
    const lines = formatSummaryTable(checks).split("\n");
    expect(lines).toHaveLength(2 + checks.length);
    expect(lines[0]).toMatch(/^scenario\s+check\s+verdict\s+figures$/);
    expect(lines[3]).toMatch(/^\(c\)\s+every answer within 8 s\s+FAIL\s+max 19900 ms$/);
    expect(lines[2]).toMatch(/\bpass\b/);
  });
});
