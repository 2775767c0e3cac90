// npm run lighthouse: Lighthouse (the npm package, 12.x) against the production build, as a phone sees
// it (issue #21). Run `npm run build` first. The script starts `node server.mjs` on the build in demo
// mode on a throwaway embedded database (as playwright.config.ts does), warms each page, then runs
// Lighthouse's default mobile preset (simulated slow 4G, 4x CPU slowdown) in Debian's Chromium
// (CHROMIUM_PATH, default /usr/bin/chromium, with the e2e suite's flags), RUNS times per page
// (default 3), the pages taken in turn so a burst of other work on the machine falls on different
// pages. Each page's figures are the median of its runs; it fails when a median misses its threshold
// (scripts/lighthouse-report.ts THRESHOLDS).
//
// Pages: the representative set CI measures (CI_PAGES), or `-- --all` for every public page (every
// article and topic, every demo service), or `-- --pages=/,/learn` for some.
// Output: a table on stdout, the report in LIGHTHOUSE_JSON (default lighthouse-results.json), and,
// when BENCH_JSON names a bench report that exists, the same report under its "lighthouse" key.
// LIGHTHOUSE_REPORT_ONLY=1 prints and writes every figure and miss but exits 0: thresholds not
// enforced, said so in the output (for a machine too busy for the figures to mean much).
// LIGHTHOUSE_PORT picks the app's port (default: a free one); LIGHTHOUSE_SAVE_DIR=<dir> keeps each
// run's full Lighthouse result there (JSON, for the Lighthouse viewer) to see what a figure is made of.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { parseArgs } from "node:util";
import lighthouse from "lighthouse";
import { loadArticles } from "@/lib/content/articles";
import { SECTIONS } from "@/lib/content/sections";
import { DEMO_SERVICES } from "@/lib/dev/demo/services";
import { CHROMIUM_FLAGS as E2E_CHROMIUM_FLAGS, CHROMIUM_PATH } from "../e2e/chromium";
import {
  buildLighthouseReport,
  CI_PAGES,
  exitCode,
  pageResult,
  THRESHOLDS,
  type LighthousePage,
  type LighthouseReport,
  type PageResult,
  type RunFigures,
} from "./lighthouse-report";
import { firstLoadJs, firstLoadKb } from "./page-weight";

const BUILD = path.join(process.cwd(), ".next");
// The e2e suite's Chromium flags (e2e/chromium.ts), headless.
const CHROMIUM_FLAGS = ["--headless=new", ...E2E_CHROMIUM_FLAGS, "--no-default-browser-check"];

const { values: options } = parseArgs({
  options: { all: { type: "boolean", default: false }, pages: { type: "string" }, runs: { type: "string" } },
});
const RUNS = Number(options.runs ?? process.env.LIGHTHOUSE_RUNS ?? 3);

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });
}

async function pagesToMeasure(): Promise<LighthousePage[]> {
  if (options.pages) {
    return options.pages.split(",").map((pagePath) => {
      const known = CI_PAGES.find((page) => page.path === pagePath);
      const kind =
        known?.kind ??
        (pagePath.startsWith("/book") ? "booking" : /^\/sign-(in|up)/.test(pagePath) ? "auth" : "public");
      return { path: pagePath, kind };
    });
  }
  if (!options.all) return [...CI_PAGES];
  const articles = await loadArticles();
  return [
    ...CI_PAGES.filter((page) => page.kind !== "public"),
    { path: "/", kind: "public" },
    { path: "/learn", kind: "public" },
    ...articles.map((article) => ({ path: `/learn/${article.slug}`, kind: "public" as const })),
    ...SECTIONS.map((section) => ({ path: `/learn/topics/${section.slug}`, kind: "public" as const })),
    { path: "/services", kind: "public" },
    ...DEMO_SERVICES.map((service) => ({ path: `/services/${service.slug}`, kind: "public" as const })),
    { path: "/privacy", kind: "public" },
  ];
}

interface Started {
  origin: string;
  stop: () => Promise<void>;
}

function stopper(child: ChildProcess, cleanUp: () => void): () => Promise<void> {
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(-child.pid, "SIGTERM");
      const ended = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
      if (!ended) process.kill(-child.pid, "SIGKILL");
      await exited;
    }
    cleanUp();
  };
}

/** `node server.mjs` on the build, demo mode, a throwaway embedded database. */
async function startApp(): Promise<Started> {
  const port = process.env.LIGHTHOUSE_PORT ? Number(process.env.LIGHTHOUSE_PORT) : await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(path.join(tmpdir(), "lighthouse-db-"));
  const child = spawn(process.execPath, ["server.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DEMO_MODE: "true",
      DATABASE_URL: "",
      PGLITE_DATA_DIR: dataDir,
      APP_URL: origin,
      STRIPE_SECRET_KEY: "",
      STRIPE_EMULATOR_PORT: String(await freePort()),
      NEXT_TELEMETRY_DISABLED: "1",
    },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const stop = stopper(child, () => rmSync(dataDir, { recursive: true, force: true }));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const healthy = await fetch(`${origin}/api/health`)
      .then((response) => response.ok)
      .catch(() => false);
    if (healthy) return { origin, stop };
    await sleep(500);
  }
  await stop();
  throw new Error(`The app did not become healthy on ${origin}:\n${output.slice(-3000)}`);
}

/** Chromium with a DevTools port for Lighthouse to drive. */
async function startChromium(): Promise<{ port: number; version: string | null; stop: () => Promise<void> }> {
  const profile = mkdtempSync(path.join(tmpdir(), "lighthouse-chromium-"));
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_FLAGS, "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"],
    { detached: true, stdio: ["ignore", "ignore", "pipe"] },
  );
  const stop = stopper(child, () => rmSync(profile, { recursive: true, force: true }));
  let output = "";
  const port = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), 60_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const found = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    });
    child.once("exit", () => resolve(null));
  });
  if (!port) {
    await stop();
    throw new Error(`Chromium (${CHROMIUM_PATH}) did not open a DevTools port:\n${output.slice(-2000)}`);
  }
  const version = await fetch(`http://127.0.0.1:${port}/json/version`)
    .then((response) => response.json() as Promise<{ Browser?: string }>)
    .then((body) => body.Browser ?? null)
    .catch(() => null);
  return { port, version, stop };
}

interface RunOutcome {
  figures?: RunFigures;
  error?: string;
  /** Best-practices audits that did not pass, with their titles. */
  flagged: string[];
  benchmarkIndex: number | null;
}

async function runLighthouse(url: string, port: number, saveAs: string | null): Promise<RunOutcome> {
  try {
    const result = await lighthouse(url, {
      port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "best-practices"],
    });
    const lhr = result?.lhr;
    if (!lhr) return { error: "no result", flagged: [], benchmarkIndex: null };
    if (saveAs) writeFileSync(saveAs, JSON.stringify(lhr));
    if (lhr.runtimeError) return { error: lhr.runtimeError.message, flagged: [], benchmarkIndex: null };
    const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const score = (id: string) => {
      const value = lhr.categories[id]?.score;
      return typeof value === "number" ? Math.round(value * 100) : null;
    };
    const requests =
      (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] })
        ?.items ?? [];
    const scriptBytes = requests
      .filter((request) => request.resourceType === "Script")
      .reduce((sum, request) => sum + (request.transferSize ?? 0), 0);
    const performance = score("performance");
    const figures: RunFigures = {
      performance: performance ?? 0,
      bestPractices: score("best-practices"),
      fcpMs: numeric("first-contentful-paint"),
      lcpMs: numeric("largest-contentful-paint"),
      tbtMs: numeric("total-blocking-time"),
      cls: numeric("cumulative-layout-shift"),
      scriptKb: scriptBytes / 1024,
    };
    if (
      performance === null ||
      Object.values(figures).some((value) => typeof value === "number" && Number.isNaN(value))
    ) {
      return { error: "Lighthouse gave no performance figures", flagged: [], benchmarkIndex: null };
    }
    const flagged = (lhr.categories["best-practices"]?.auditRefs ?? [])
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id]?.score ?? 1) < 1)
      .map((ref) => `${ref.id}: ${lhr.audits[ref.id]?.title ?? ""}${issueTypes(lhr.audits[ref.id]?.details)}`);
    return { figures, flagged, benchmarkIndex: lhr.environment.benchmarkIndex ?? null };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error), flagged: [], benchmarkIndex: null };
  }
}

/** The kinds of issue an inspector-issues (or similar) audit lists, as " (kind, kind)". */
function issueTypes(details: unknown): string {
  const items = (details as { items?: { issueType?: unknown; description?: unknown }[] } | undefined)?.items ?? [];
  const kinds = [...new Set(items.map((item) => String(item.issueType ?? item.description ?? "")).filter(Boolean))];
  return kinds.length > 0 ? ` (${kinds.join(", ")})` : "";
}

function printTable(pages: readonly PageResult[]): void {
  const width = Math.max(4, ...pages.map((page) => page.path.length));
  const cell = (value: number | null | undefined, digits = 0, size = 6) =>
    (value == null ? "-" : value.toFixed(digits)).padStart(size);
  console.log(
    `  ${"page".padEnd(width)}  ${["perf", "LCP ms", "TBT ms", "CLS", "FCP ms", "BP", "JS KB", "1st JS"].map((h) => h.padStart(6)).join("  ")}  verdict`,
  );
  for (const page of pages) {
    const m = page.median;
    const missed = page.verdicts.filter((verdict) => !verdict.met).map((verdict) => verdict.metric);
    console.log(
      `  ${page.path.padEnd(width)}  ${[
        cell(m?.performance),
        cell(m?.lcpMs),
        cell(m?.tbtMs),
        cell(m?.cls, 3),
        cell(m?.fcpMs),
        cell(m?.bestPractices),
        cell(m?.scriptKb, 1),
        cell(page.firstLoadJsKb, 1),
      ].join("  ")}  ${missed.length === 0 ? "met" : `MISSED ${missed.join(", ")}`}`,
    );
  }
}

function writeReports(report: LighthouseReport): string[] {
  const written: string[] = [];
  const file = path.resolve(process.env.LIGHTHOUSE_JSON || "lighthouse-results.json");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  written.push(file);
  const benchFile = process.env.BENCH_JSON ? path.resolve(process.env.BENCH_JSON) : null;
  if (benchFile && existsSync(benchFile)) {
    const bench = JSON.parse(readFileSync(benchFile, "utf8")) as Record<string, unknown>;
    writeFileSync(benchFile, `${JSON.stringify({ ...bench, lighthouse: report }, null, 2)}\n`);
    written.push(`${benchFile} (key "lighthouse")`);
  }
  return written;
}

async function main(): Promise<number> {
  if (!existsSync(path.join(BUILD, "BUILD_ID"))) {
    console.error("No production build in .next: run `npm run build` first.");
    return 1;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`Chromium is not at ${CHROMIUM_PATH} (set CHROMIUM_PATH).`);
    return 1;
  }
  const startedAt = new Date().toISOString();
  const pages = await pagesToMeasure();
  const app = await startApp();
  let chromium: Awaited<ReturnType<typeof startChromium>> | null = null;
  const stopAll = async () => {
    await chromium?.stop();
    await app.stop();
  };
  process.once("SIGTERM", () => void stopAll().then(() => process.exit(143)));
  process.once("SIGINT", () => void stopAll().then(() => process.exit(130)));
  try {
    // Warm: the first request of a catalogue page renders it from the database; the second is served
    // from the cache, as a visitor's would be. Its HTML gives the page's first-load JavaScript.
    const weights = new Map<string, number | null>();
    for (const page of pages) {
      const url = `${app.origin}${page.path}`;
      await fetch(url).then((response) => response.text());
      const html = await fetch(url).then((response) => (response.ok ? response.text() : null));
      weights.set(page.path, html ? firstLoadKb(firstLoadJs(html, BUILD)) : null);
    }
    chromium = await startChromium();
    const runs = new Map<string, RunFigures[]>(pages.map((page) => [page.path, []]));
    const errors = new Map<string, string[]>(pages.map((page) => [page.path, []]));
    const flagged = new Map<string, Set<string>>(pages.map((page) => [page.path, new Set()]));
    const benchmarkIndexes: number[] = [];
    const saveDir = process.env.LIGHTHOUSE_SAVE_DIR ? path.resolve(process.env.LIGHTHOUSE_SAVE_DIR) : null;
    if (saveDir) mkdirSync(saveDir, { recursive: true });
    console.log(
      `Lighthouse ${lighthouseVersion()}, mobile preset (simulated slow 4G, 4x CPU slowdown), ${RUNS} run(s) of ${pages.length} page(s), ${chromium.version ?? CHROMIUM_PATH}`,
    );
    for (let run = 1; run <= RUNS; run++) {
      for (const page of pages) {
        const started = Date.now();
        const saveAs = saveDir
          ? path.join(saveDir, `${page.path.replace(/[^a-z0-9]+/gi, "_") || "home"}-${run}.json`)
          : null;
        const outcome = await runLighthouse(`${app.origin}${page.path}`, chromium.port, saveAs);
        if (outcome.figures) runs.get(page.path)?.push(outcome.figures);
        if (outcome.error) errors.get(page.path)?.push(outcome.error);
        if (outcome.benchmarkIndex !== null) benchmarkIndexes.push(outcome.benchmarkIndex);
        for (const item of outcome.flagged) flagged.get(page.path)?.add(item);
        const f = outcome.figures;
        console.log(
          `  run ${run} ${page.path}: ${
            f
              ? `perf ${f.performance}, LCP ${Math.round(f.lcpMs)} ms, TBT ${Math.round(f.tbtMs)} ms, CLS ${f.cls.toFixed(3)}, BP ${f.bestPractices ?? "-"}`
              : `failed: ${outcome.error}`
          } (${((Date.now() - started) / 1000).toFixed(1)} s)`,
        );
      }
    }
    const results = pages.map((page) =>
      pageResult(page, runs.get(page.path) ?? [], weights.get(page.path) ?? null, errors.get(page.path) ?? []),
    );
    const report = buildLighthouseReport({
      startedAt,
      finishedAt: new Date().toISOString(),
      lighthouse: lighthouseVersion(),
      chromium: chromium.version,
      runsPerPage: RUNS,
      conditions: {
        preset: "mobile (Lighthouse default config)",
        throttling: "simulated: 150 ms RTT, 1.6 Mbps down, 4x CPU slowdown",
        cpus: cpus().length,
        loadAverage: loadavg().map((value) => Math.round(value * 100) / 100),
        benchmarkIndex: benchmarkIndexes.length > 0 ? Math.min(...benchmarkIndexes) : null,
      },
      pages: results,
    });
    console.log(
      `Medians of ${RUNS} runs (thresholds: public ${describe("public")}; booking ${describe("booking")}; sign-in/up ${describe("auth")})`,
    );
    printTable(results);
    for (const [pagePath, items] of flagged) {
      if (items.size > 0) console.log(`  best practices flagged on ${pagePath}: ${[...items].join("; ")}`);
    }
    console.log(
      `Machine: ${report.conditions.cpus} CPUs, load average ${report.conditions.loadAverage.join(" ")}, lowest Lighthouse benchmark index ${report.conditions.benchmarkIndex ?? "-"}`,
    );
    console.log(`Written: ${writeReports(report).join(", ")}`);
    const reportOnly = process.env.LIGHTHOUSE_REPORT_ONLY === "1";
    if (!report.passed) {
      console.error(`Lighthouse thresholds missed:\n  ${report.failures.join("\n  ")}`);
      if (reportOnly) console.error("LIGHTHOUSE_REPORT_ONLY=1: the thresholds are NOT enforced in this run.");
    } else {
      console.log("Every median meets its threshold.");
    }
    return exitCode(report, reportOnly);
  } finally {
    await stopAll();
  }
}

function describe(kind: keyof typeof THRESHOLDS): string {
  const t = THRESHOLDS[kind];
  return [
    `performance >= ${t.performance}`,
    t.lcpMs !== undefined ? `LCP <= ${t.lcpMs} ms` : null,
    t.tbtMs !== undefined ? `TBT <= ${t.tbtMs} ms` : null,
    t.cls !== undefined ? `CLS <= ${t.cls}` : null,
    t.bestPractices !== undefined ? `best practices >= ${t.bestPractices}` : null,
    t.firstLoadJsKb !== undefined ? `first-load JS <= ${t.firstLoadJsKb} KB` : null,
  ]
    .filter(Boolean)
    .join(", ");
}

function lighthouseVersion(): string {
  const file = path.join(process.cwd(), "node_modules", "lighthouse", "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
