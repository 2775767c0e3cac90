// The deployment under test, as DESIGN.md's "Staging on one machine" describes it: the Stripe
// emulator alone (`npm run stripe:emulator`), two production instances (`npm start -- -p <port>`)
// and two workers (`npm run worker`) on one PostgreSQL, email to the suite's SMTP sink. Each
// process gets a clean environment: the suite's own settings, none inherited from the shell.
import { randomBytes } from "node:crypto";
import path from "node:path";
import { startProcess, waitUntil, type Environment, type ManagedProcess } from "./processes";

export interface DeploymentPorts {
  appA: number;
  appB: number;
  emulator: number;
  smtp: number;
}

/** Four ports from one base (DEPLOY_PORT, default 3700): the two instances, the emulator, the sink. */
export function portsFrom(base: number): DeploymentPorts {
  return { appA: base, appB: base + 1, emulator: base + 2, smtp: base + 3 };
}

// Settings the app reads (lib/env.ts and what start-up scripts read): never inherited from the shell
// that runs the suite, so a developer's .env or exported DATABASE_URL cannot leak into the deployment.
const APP_SETTING =
  /^(DATABASE_|PGLITE_|AUTH_|APP_URL$|CLINIC_|SEED_|TRUST_PROXY|DEMO_|BOOKING_|AVAILABILITY_|STRIPE_|SMTP_|EMAIL_|REQUIRE_STAFF|TAX_|OUTBOX_|WORKER_|SHUTDOWN_|NEXT_|PORT$|HOSTNAME$|NODE_ENV$|E2E_|BENCH_)/;

export function baseEnvironment(source: Environment = process.env): Environment {
  const env: Environment = {};
  for (const [key, value] of Object.entries(source)) if (!APP_SETTING.test(key)) env[key] = value;
  env.NEXT_TELEMETRY_DISABLED = "1";
  return env;
}

export interface DeploymentSecrets {
  authSecret: string;
  stripeSecretKey: string;
  webhookSecret: string;
}

export function newSecrets(): DeploymentSecrets {
  return {
    authSecret: randomBytes(32).toString("base64url"),
    // A test key: the only kind STRIPE_API_BASE is accepted with in production.
    stripeSecretKey: `sk_test_deploy_suite_${randomBytes(8).toString("hex")}`,
    webhookSecret: `whsec_deploy_suite_${randomBytes(16).toString("hex")}`,
  };
}

/**
 * What every production process (instance or worker) of the deployment is started with. All share
 * one APP_URL, the clinic's public address, as instances behind a load balancer do: checkout return
 * URLs are built from it, and Stripe refuses an idempotent retry (the same booking's checkout asked
 * for by a repeat on the other instance) whose parameters, those URLs included, differ.
 */
export function productionEnvironment(options: {
  databaseUrl: string;
  appUrl: string;
  ports: DeploymentPorts;
  secrets: DeploymentSecrets;
  extra?: Record<string, string>;
}): Environment {
  return {
    ...baseEnvironment(),
    NODE_ENV: "production",
    DATABASE_URL: options.databaseUrl,
    AUTH_SECRET: options.secrets.authSecret,
    APP_URL: options.appUrl,
    TRUST_PROXY_HOPS: "0",
    STRIPE_SECRET_KEY: options.secrets.stripeSecretKey,
    STRIPE_WEBHOOK_SECRET: options.secrets.webhookSecret,
    STRIPE_API_BASE: `http://127.0.0.1:${options.ports.emulator}`,
    SMTP_URL: `smtp://127.0.0.1:${options.ports.smtp}`,
    ...options.extra,
  };
}

export class StartupError extends Error {
  override name = "StartupError";
}

function failedToStart(managed: ManagedProcess, what: string): StartupError {
  const tail = managed.logLines().slice(-15).join("\n    ");
  return new StartupError(`${managed.name} ${what} (log ${managed.logFile}):\n    ${tail}`);
}

async function answers(url: string, expect: (response: Response) => Promise<boolean>): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    return await expect(response);
  } catch {
    return false;
  }
}

export async function startInstance(options: {
  name: string;
  port: number;
  env: Environment;
  logDir: string;
  readyTimeoutMs?: number;
}): Promise<ManagedProcess> {
  const managed = startProcess({
    name: options.name,
    command: "npm",
    args: ["start", "--", "-p", String(options.port)],
    env: options.env,
    logFile: path.join(options.logDir, `${options.name}.log`),
  });
  const healthy = await waitUntil(
    async () =>
      !managed.alive() ||
      (await answers(`http://127.0.0.1:${options.port}/api/health`, async (response) => response.status === 200)),
    options.readyTimeoutMs ?? 90_000,
    250,
  );
  if (!managed.alive()) throw failedToStart(managed, "exited during start-up");
  if (!healthy) throw failedToStart(managed, "did not answer /api/health with 200");
  return managed;
}

export async function startWorker(options: {
  name: string;
  env: Environment;
  logDir: string;
}): Promise<ManagedProcess> {
  const managed = startProcess({
    name: options.name,
    command: "npm",
    args: ["run", "worker"],
    env: options.env,
    logFile: path.join(options.logDir, `${options.name}.log`),
  });
  // scripts/worker.ts prints "Worker <pid>: jobs running on …" once its job runner has started.
  const ready = await waitUntil(
    () => !managed.alive() || managed.logLines().some((line) => /jobs running/.test(line)),
    60_000,
    200,
  );
  if (!managed.alive()) throw failedToStart(managed, "exited during start-up");
  if (!ready) throw failedToStart(managed, "did not report its job runner running");
  return managed;
}

/** `npm run stripe:emulator`, alone, on its port, webhooks to one instance, signed with the shared secret. */
export async function startEmulator(options: {
  name: string;
  port: number;
  webhookUrl: string;
  secrets: DeploymentSecrets;
  logDir: string;
}): Promise<ManagedProcess> {
  const managed = startProcess({
    name: options.name,
    command: "npm",
    args: ["run", "stripe:emulator"],
    env: {
      ...baseEnvironment(),
      STRIPE_EMULATOR_PORT: String(options.port),
      STRIPE_WEBHOOK_URL: options.webhookUrl,
      STRIPE_WEBHOOK_SECRET: options.secrets.webhookSecret,
      APP_URL: new URL(options.webhookUrl).origin,
      AUTH_SECRET: options.secrets.authSecret,
    },
    logFile: path.join(options.logDir, `${options.name}.log`),
  });
  const ready = await waitUntil(
    async () =>
      !managed.alive() ||
      (await answers(`http://127.0.0.1:${options.port}/health`, async (response) => {
        const body = (await response.json()) as { service?: string; pid?: number };
        // Ours, not one left over on the port by someone else.
        return response.status === 200 && body.service === "stripe-emulator";
      })),
    60_000,
    200,
  );
  if (!managed.alive()) throw failedToStart(managed, "exited during start-up");
  if (!ready) throw failedToStart(managed, "did not answer /health");
  return managed;
}

export interface EmulatorHealth {
  checkoutSessions?: { open: number; complete: number; expired: number };
}

export async function readEmulatorHealth(port: number): Promise<EmulatorHealth | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(3_000) });
    return (await response.json()) as EmulatorHealth;
  } catch {
    return null;
  }
}

/** A checkout session's status as the emulator has it ("open", "complete", "expired"), or null. */
export async function readCheckoutStatus(port: number, secretKey: string, sessionId: string): Promise<string | null> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/v1/checkout/sessions/${encodeURIComponent(sessionId)}`, {
      headers: { authorization: `Bearer ${secretKey}` },
      signal: AbortSignal.timeout(5_000),
    });
    const body = (await response.json()) as { status?: string };
    return body.status ?? null;
  } catch {
    return null;
  }
}
