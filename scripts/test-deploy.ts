// npm run test:deploy: the production build on PostgreSQL as a clinic would run it (issue #15
// point 6): a fresh database migrated by `npm run db:migrate`, the Stripe emulator alone, two
// `npm start` instances and two `npm run worker`s, email to an SMTP sink. Then it proves, printing
// the figures: (a) the same-slot race across instances, (b) one client's concurrent requests,
// (c) a 10 s table lock, (d) Stripe hung and down, (e) SIGTERM draining an instance, (f) bursts of
// outbox email across two workers, one of them killed and one stopped.
//
// Settings (all optional):
//   DEPLOY_PORT=3700            first of four ports: instance A, instance B, emulator, SMTP sink
//   DEPLOY_POSTGRES_URL=postgresql://postgres@127.0.0.1:5432   the server the suite's database goes on
//   DEPLOY_SKIP_BUILD=1         reuse any build in .next/ (otherwise one older than the code is rebuilt)
//   DEPLOY_RACE_TRIALS=9        trials of the same-slot race
//   DEPLOY_SCENARIOS=race,repeats,lock,stripe,drain,outbox   run only these (local iteration)
// Every process runs in its own process group and is killed at the end, also on failure; the
// database is dropped. Ends with a summary table and a line "N passed, N failed"; exits 1 on any failure.
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { allNoIntake } from "@/lib/booking/intake";
import { applyMigrations } from "@/lib/db/migrate";
import { postgresConnection } from "@/lib/db/sql-connection";
import { addDays, clinicToday } from "@/lib/time/clinic-time";
import { buildTimeOf, decideBuild, newestBuildInput } from "./deploy/build-freshness";
import type { DeployContext, Scenario, SignedInClient } from "./deploy/context";
import { createSuiteDatabase, seedClinic, type SuiteDatabase } from "./deploy/database";
import {
  baseEnvironment,
  newSecrets,
  portsFrom,
  productionEnvironment,
  startEmulator,
  startInstance,
  startWorker,
} from "./deploy/deployment";
import { signIn } from "./deploy/http";
import { startMessageSink, type MessageSink } from "./deploy/message-sink";
import { killAllProcessesNow, stopAllProcesses, type Environment, type ManagedProcess } from "./deploy/processes";
import { closingLine, formatSummaryTable, type Check } from "./deploy/report";
import { clientRepeats } from "./deploy/scenarios/client-repeats";
import { drain } from "./deploy/scenarios/drain";
import { outboxBurst } from "./deploy/scenarios/outbox-burst";
import { sameSlotRace } from "./deploy/scenarios/same-slot-race";
import { stripeDown } from "./deploy/scenarios/stripe-down";
import { tableLock } from "./deploy/scenarios/table-lock";

const ROOT = process.cwd();
const PORT_BASE = Number(process.env.DEPLOY_PORT ?? 3700);
const POSTGRES_URL = (process.env.DEPLOY_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432").replace(/\/+$/, "");
const RACE_TRIALS = Number(process.env.DEPLOY_RACE_TRIALS ?? 9);
const ONLY = process.env.DEPLOY_SCENARIOS?.split(",").map((name) => name.trim());
/** Everything, build included, is over by then: the suite stops itself rather than hang CI. */
const HARD_LIMIT_MS = 20 * 60_000;
const CLINIC_ZONE = "America/New_York";

const SCENARIOS: { key: string; title: string; run: Scenario }[] = [
  { key: "race", title: "(a) same-slot race, 10 clients × 5 requests, two instances", run: sameSlotRace(RACE_TRIALS) },
  { key: "repeats", title: "(b) one client's concurrent requests", run: clientRepeats },
  { key: "lock", title: '(c) LOCK TABLE "Booking" held 10 s', run: tableLock },
  { key: "stripe", title: "(d) Stripe emulator hung, then killed, then back", run: stripeDown },
  { key: "drain", title: "(e) SIGTERM to instance A with requests in flight", run: drain },
  { key: "outbox", title: "(f) 200-message outbox bursts across two workers", run: outboxBurst },
];

const checks: Check[] = [];
const record = (scenario: string) => (check: Omit<Check, "scenario">) => {
  checks.push({ scenario, ...check });
  console.log(`  ${check.passed ? "pass" : "FAIL"}  ${check.name}: ${check.detail}`);
};

/** Runs an npm script to completion, its output in a log file; the exit code (or null on timeout). */
function runNpm(args: string[], env: Environment, logFile: string, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const log = createWriteStream(logFile);
    const child = spawn("npm", args, {
      env: env as NodeJS.ProcessEnv,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout.pipe(log);
    child.stderr.pipe(log);
    const timer = setTimeout(() => {
      try {
        process.kill(-(child.pid as number), "SIGKILL");
      } catch {
        // Already gone.
      }
      resolve(null);
    }, timeoutMs);
    child.on("close", (code) => {
      clearTimeout(timer);
      log.end();
      resolve(code);
    });
  });
}

function tailOf(file: string, lines = 15): string {
  try {
    return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n    ");
  } catch {
    return "(no log)";
  }
}

async function prepareBuild(logDir: string): Promise<void> {
  const newest = newestBuildInput(ROOT);
  const decision = decideBuild({
    skipRequested: process.env.DEPLOY_SKIP_BUILD === "1",
    buildTimeMs: buildTimeOf(ROOT),
    newestInputMs: newest.mtimeMs,
    newestInputPath: newest.path,
  });
  console.log(`build: ${decision.action} (${decision.reason})`);
  if (decision.action === "reuse") return;
  const logFile = path.join(logDir, "build.log");
  const started = Date.now();
  const code = await runNpm(["run", "build"], baseEnvironment(), logFile, 10 * 60_000);
  record("setup")({
    name: "npm run build",
    passed: code === 0,
    detail: code === 0 ? `${((Date.now() - started) / 1000).toFixed(0)} s` : `exit ${code} (${logFile})`,
  });
  if (code !== 0) {
    console.log(`    ${tailOf(logFile)}`);
    throw new Error("the build failed");
  }
}

/** Runs `npm run db:migrate` in production with only DATABASE_URL; migrates in-process if it refuses. */
async function migrate(database: SuiteDatabase, logDir: string): Promise<void> {
  const logFile = path.join(logDir, "db-migrate.log");
  const env = { ...baseEnvironment(), NODE_ENV: "production", DATABASE_URL: database.url };
  const code = await runNpm(["run", "db:migrate"], env, logFile, 120_000);
  record("setup")({
    name: "db:migrate with only DATABASE_URL",
    passed: code === 0,
    detail: code === 0 ? tailOf(logFile, 1) : `exit ${code} (${logFile})`,
  });
  if (code !== 0) {
    console.log(`    ${tailOf(logFile, 6)}`);
    // The other scenarios still deserve a database: apply the migrations the way the script would.
    const connection = await postgresConnection(database.url, 10_000);
    try {
      await applyMigrations(connection);
    } finally {
      await connection.close();
    }
    console.log("  (migrated in-process instead, so the scenarios can run)");
  }
}

/** Start times at least three hours apart, from what instance B offers over the next weeks. */
async function findSlots(origin: string, serviceSlug: string, therapistId: string, wanted: number): Promise<string[]> {
  const today = clinicToday(CLINIC_ZONE);
  const slots: string[] = [];
  let last = 0;
  for (let offset = 1; offset <= 50 && slots.length < wanted; offset += 14) {
    const url = `${origin}/api/availability?service=${serviceSlug}&therapist=${therapistId}&from=${addDays(today, offset)}&to=${addDays(today, offset + 13)}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
    if (response.status !== 200) throw new Error(`GET /api/availability answered ${response.status}`);
    const body = (await response.json()) as { slots: { start: string }[] };
    for (const slot of body.slots) {
      const at = Date.parse(slot.start);
      if (at - last < 3 * 3_600_000) continue;
      slots.push(slot.start);
      last = at;
    }
  }
  if (slots.length < wanted) throw new Error(`only ${slots.length} free starts found, ${wanted} wanted`);
  return slots;
}

async function main(): Promise<number> {
  const started = Date.now();
  const logDir = path.join(ROOT, ".data", `deploy-${process.pid}`);
  mkdirSync(logDir, { recursive: true });
  console.log(`Deployment suite: logs in ${path.relative(ROOT, logDir)}/, ports ${PORT_BASE}-${PORT_BASE + 3}`);
  const ports = portsFrom(PORT_BASE);
  const secrets = newSecrets();
  let database: SuiteDatabase | undefined;
  let sink: MessageSink | undefined;
  const hardLimit = setTimeout(() => {
    console.error(`\nThe suite ran past ${HARD_LIMIT_MS / 60_000} minutes: stopping everything.`);
    killAllProcessesNow();
    void database?.drop().finally(() => process.exit(1));
  }, HARD_LIMIT_MS);
  hardLimit.unref();
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping everything.`);
    killAllProcessesNow();
    void (database?.drop() ?? Promise.resolve()).finally(() => process.exit(1));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    console.log("\n== setup ==");
    await prepareBuild(logDir);
    database = await createSuiteDatabase(POSTGRES_URL, `clinic_deploy_${process.pid}`);
    console.log(`database ${database.name} created`);
    await migrate(database, logDir);
    // 29 clients: 20 for the race, 1 + 2 + 4 + 2 for the others. All sign in from 127.0.0.1, and the
    // app allows 30 sign-ins per address per 15 minutes.
    const clinic = await seedClinic(database.prisma, 29);
    sink = await startMessageSink({ port: ports.smtp });

    const [originA, originB] = [`http://127.0.0.1:${ports.appA}`, `http://127.0.0.1:${ports.appB}`];
    // One public address for the clinic, as behind a load balancer: instance A's.
    const appEnv = () => productionEnvironment({ databaseUrl: database!.url, appUrl: originA, ports, secrets });
    const startedAt = Date.now();
    let emulator = await startEmulator({
      name: "stripe-emulator",
      port: ports.emulator,
      webhookUrl: `${originB}/api/webhooks/stripe`,
      secrets,
      logDir,
    });
    const instances = (await Promise.all([
      startInstance({ name: "instance-a", port: ports.appA, env: appEnv(), logDir }),
      startInstance({ name: "instance-b", port: ports.appB, env: appEnv(), logDir }),
    ])) as [ManagedProcess, ManagedProcess];
    const launchWorker = (name: string) => startWorker({ name, env: appEnv(), logDir });
    const workers = await Promise.all([launchWorker("worker-1"), launchWorker("worker-2")]);
    record("setup")({
      name: "emulator, 2 instances, 2 workers start",
      passed: true,
      detail: `ready ${((Date.now() - startedAt) / 1000).toFixed(1)} s after the first start`,
    });

    const signInStarted = Date.now();
    const clients: SignedInClient[] = [];
    for (const [index, client] of clinic.clients.entries()) {
      const cookie = await signIn(index % 2 === 0 ? originA : originB, client.email, clinic.password);
      clients.push({ ...client, cookie });
    }
    record("setup")({
      name: "clients sign in over HTTP (Auth.js credentials)",
      passed: true,
      detail: `${clients.length} clients in ${((Date.now() - signInStarted) / 1000).toFixed(1)} s, alternating instances`,
    });
    const slots = await findSlots(originB, clinic.serviceSlug, clinic.therapistId, 60);

    let nextClient = 0;
    let nextSlot = 0;
    let current = "setup";
    const ctx: DeployContext = {
      origins: [originA, originB],
      instances,
      workers,
      get emulator() {
        return emulator;
      },
      async restartEmulator() {
        emulator = await startEmulator({
          name: "stripe-emulator-2",
          port: ports.emulator,
          webhookUrl: `${originB}/api/webhooks/stripe`,
          secrets,
          logDir,
        });
        return emulator;
      },
      startWorker: launchWorker,
      ports,
      secrets,
      databaseUrl: database.url,
      prisma: database.prisma,
      sink,
      serviceSlug: clinic.serviceSlug,
      therapistId: clinic.therapistId,
      intake: allNoIntake(),
      takeClients(n) {
        const taken = clients.slice(nextClient, nextClient + n);
        nextClient += n;
        if (taken.length < n) throw new Error("the suite seeded too few clients");
        return taken;
      },
      takeSlot() {
        const slot = slots[nextSlot++];
        if (slot === undefined) throw new Error("the suite found too few free slots");
        return slot;
      },
      record: (check) => record(current)(check),
      note: (line) => console.log(`  ${line}`),
    };

    for (const scenario of SCENARIOS) {
      if (ONLY && !ONLY.includes(scenario.key)) continue;
      current = scenario.title.slice(0, 3);
      console.log(`\n== ${scenario.title} ==`);
      const scenarioStarted = Date.now();
      try {
        await scenario.run(ctx);
      } catch (error) {
        ctx.record({
          name: "ran to the end",
          passed: false,
          detail: error instanceof Error ? error.message : String(error),
        });
      }
      console.log(`  (${((Date.now() - scenarioStarted) / 1000).toFixed(1)} s)`);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // The table gets the first line; the process's log tail is printed here.
    console.log(`  ${message}`);
    record("setup")({ name: "deployment ready", passed: false, detail: message.split("\n")[0] ?? "" });
  } finally {
    await stopAllProcesses();
    await sink?.stop().catch(() => undefined);
    await database?.drop().catch((error: unknown) => console.error(`could not drop ${database?.name}:`, error));
    clearTimeout(hardLimit);
  }

  console.log(`\n== summary ==\n${formatSummaryTable(checks)}`);
  console.log(
    `\nDeployment suite took ${((Date.now() - started) / 1000).toFixed(0)} s; logs in ${path.relative(ROOT, logDir)}/`,
  );
  console.log(closingLine(checks));
  return checks.length > 0 && checks.every((check) => check.passed) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    killAllProcessesNow();
    console.log("0 passed, 1 failed");
    process.exit(1);
  },
);
