// `npm run lighthouse`'s arithmetic (issue #21): each figure's median over the runs, the thresholds of
// each kind of page, the verdicts and failures, and the report's shape.
import { describe, expect, it } from "vitest";
import {
  buildLighthouseReport,
  CI_PAGES,
  exitCode,
  judge,
  lighthouseFailures,
  lighthouseReportSchema,
  medianFigures,
  pageResult,
  THRESHOLDS,
  type RunFigures,
} from "@/scripts/lighthouse-report";

const run = (figures: Partial<RunFigures>): RunFigures => ({
  performance: 100,
  bestPractices: 100,
  fcpMs: 800,
  lcpMs: 1000,
  tbtMs: 20,
  cls: 0,
  scriptKb: 90,
  ...figures,
});

describe("medianFigures", () => {
  it("takes each figure's middle value on its own, not one whole run", () => {
    const median = medianFigures([
      run({ performance: 99, lcpMs: 2400, tbtMs: 10 }),
      run({ performance: 90, lcpMs: 1200, tbtMs: 300 }),
      run({ performance: 97, lcpMs: 1400, tbtMs: 90 }),
    ]);
    expect(median).toMatchObject({ performance: 97, lcpMs: 1400, tbtMs: 90 });
  });

  it("is not moved by one outlier among three runs", () => {
    const median = medianFigures([run({ tbtMs: 40 }), run({ tbtMs: 2000 }), run({ tbtMs: 60 })]);
    expect(median?.tbtMs).toBe(60);
  });

  it("takes the lower middle value of an even count, and null for no runs", () => {
    expect(medianFigures([run({ lcpMs: 1000 }), run({ lcpMs: 3000 })])?.lcpMs).toBe(1000);
    expect(medianFigures([])).toBeNull();
  });

  it("leaves best practices null when no run measured it", () => {
    expect(medianFigures([run({ bestPractices: null }), run({ bestPractices: null })])?.bestPractices).toBeNull();
    expect(medianFigures([run({ bestPractices: null }), run({ bestPractices: 96 })])?.bestPractices).toBe(96);
  });
});

describe("thresholds (issue #21)", () => {
  it("holds public pages to 98, LCP 1.5 s, TBT 100 ms and CLS 0; booking to 95, LCP 2 s, best practices 100; sign-in to 95", () => {
    expect(THRESHOLDS.public).toEqual({ performance: 98, lcpMs: 1500, tbtMs: 100, cls: 0, firstLoadJsKb: 1 });
    expect(THRESHOLDS.booking).toEqual({ performance: 95, lcpMs: 2000, bestPractices: 100, firstLoadJsKb: 155 });
    expect(THRESHOLDS.auth).toEqual({ performance: 95, firstLoadJsKb: 150 });
  });

  it("measures in CI one page of each shape the issue names", () => {
    expect(CI_PAGES.map((page) => page.path)).toEqual([
      "/",
      "/learn",
      "/learn/calf-muscle-pump-second-heart",
      "/services",
      "/services/second-heart-massage-60",
      "/privacy",
      "/book",
      "/book?service=second-heart-massage-60",
      "/sign-in",
      "/sign-up",
    ]);
    expect(CI_PAGES.filter((page) => page.kind === "booking")).toHaveLength(2);
    expect(CI_PAGES.filter((page) => page.kind === "auth")).toHaveLength(2);
  });
});

describe("judge", () => {
  it("meets a threshold exactly at its limit and misses it one step past", () => {
    const atLimit = judge(run({ performance: 98, lcpMs: 1500, tbtMs: 100, cls: 0 }), THRESHOLDS.public, 1);
    expect(atLimit.every((verdict) => verdict.met)).toBe(true);
    const past = judge(run({ performance: 97, lcpMs: 1501, tbtMs: 101, cls: 0.002 }), THRESHOLDS.public, 1.1);
    expect(past.filter((verdict) => !verdict.met).map((verdict) => verdict.metric)).toEqual([
      "performance",
      "LCP ms",
      "TBT ms",
      "CLS",
      "first-load JS KB",
    ]);
  });

  it("compares CLS at the three decimals Lighthouse shows", () => {
    expect(judge(run({ cls: 0.0004 }), THRESHOLDS.public).find((verdict) => verdict.metric === "CLS")?.met).toBe(true);
    expect(judge(run({ cls: 0.0006 }), THRESHOLDS.public).find((verdict) => verdict.metric === "CLS")?.met).toBe(false);
  });

  it("checks only what the page's kind asks for", () => {
    expect(judge(run({ tbtMs: 900, lcpMs: 5000 }), THRESHOLDS.auth, 140).map((verdict) => verdict.metric)).toEqual([
      "performance",
      "first-load JS KB",
    ]);
    const booking = judge(run({ bestPractices: 96 }), THRESHOLDS.booking, 149);
    expect(booking.map((verdict) => [verdict.metric, verdict.met])).toEqual([
      ["performance", true],
      ["LCP ms", true],
      ["best practices", false],
      ["first-load JS KB", true],
    ]);
  });

  it("fails /book when its first-load JavaScript grows past the budget (a later step imported up front)", () => {
    const verdict = judge(run({}), THRESHOLDS.booking, 207).find((item) => item.metric === "first-load JS KB");
    expect(verdict).toMatchObject({ value: 207, limit: 155, bound: "max", met: false });
    expect(judge(run({}), THRESHOLDS.booking, null).at(-1)).toMatchObject({ met: false, value: null });
  });

  it("never passes a page that has no figures", () => {
    const verdicts = judge(null, THRESHOLDS.booking, null);
    expect(verdicts.every((verdict) => !verdict.met && verdict.value === null)).toBe(true);
    const noBestPractices = judge(run({ bestPractices: null }), THRESHOLDS.booking, 149);
    expect(noBestPractices.find((verdict) => verdict.metric === "best practices")).toMatchObject({
      met: false,
      value: null,
    });
  });
});

describe("failures and the report", () => {
  const passing = pageResult({ path: "/learn", kind: "public" }, [run({}), run({}), run({})], 0.6);
  const failing = pageResult(
    { path: "/book", kind: "booking" },
    [run({ performance: 90 }), run({ performance: 93 }), run({ performance: 99 })],
    120,
    ["one run timed out"],
  );

  it("names each missed threshold with its median, and fails a page whose every run failed", () => {
    expect(lighthouseFailures([passing, failing])).toEqual(["/book: median performance 93 below 95"]);
    const noRuns = pageResult({ path: "/privacy", kind: "public" }, [], null, ["a", "b", "c"]);
    expect(lighthouseFailures([noRuns])).toContain("/privacy: median performance missing below 98");
  });

  it("builds a report that passes only with no failures, in the schema's shape", () => {
    const input = {
      startedAt: "2026-12-07T12:00:00.000Z",
      finishedAt: "2026-12-07T12:03:00.000Z",
      lighthouse: "12.8.2",
      chromium: "Chrome/140.0",
      runsPerPage: 3,
      conditions: {
        preset: "mobile",
        throttling: "simulated",
        cpus: 2,
        loadAverage: [1, 1, 1],
        benchmarkIndex: 1500,
      },
    };
    const good = buildLighthouseReport({ ...input, pages: [passing] });
    expect(good).toMatchObject({ version: 1, passed: true, failures: [] });
    const bad = buildLighthouseReport({ ...input, pages: [passing, failing] });
    expect(bad.passed).toBe(false);
    expect(bad.pages[1]).toMatchObject({
      median: { performance: 93 },
      firstLoadJsKb: 120,
      errors: ["one run timed out"],
    });
    expect(lighthouseReportSchema.parse(JSON.parse(JSON.stringify(bad)))).toEqual(bad);
  });

  it("fails the run on a missed threshold unless it only reports", () => {
    expect(exitCode({ passed: false }, false)).toBe(1);
    expect(exitCode({ passed: false }, true)).toBe(0);
    expect(exitCode({ passed: true }, false)).toBe(0);
  });
});
