// Typed configuration, checked once at start-up. A missing or malformed setting stops the app with
// a message that names the variable; nothing downstream reads process.env directly.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { z } from "zod";

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An absolute http(s) URL (a host, no credentials). */
function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" && url.username === "";
  } catch {
    return false;
  }
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** https anywhere, or http on this machine's own loopback names (a staging run on one machine). */
function isProductionAppUrl(value: string): boolean {
  const url = new URL(value);
  return url.protocol === "https:" || (url.protocol === "http:" && LOOPBACK_HOSTS.has(url.hostname));
}

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        const url = new URL(value);
        return (url.protocol === "postgresql:" || url.protocol === "postgres:") && url.hostname !== "";
      } catch {
        return false;
      }
    },
    { message: "must be a postgresql://user:password@host:port/database URL, or unset for the embedded database" },
  ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Bounded waits on PostgreSQL (issue #15): a statement, a lock, and a pooled connection (including
  // connecting) each give up after this long, and the request answers 503 instead of hanging.
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  DATABASE_LOCK_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(2_000),
  DATABASE_POOL_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3_000),
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  AUTH_SECRET: optionalString.refine((value) => value === undefined || value.length >= 32, {
    message: "must be at least 32 characters (generate one with: openssl rand -base64 32)",
  }),
  APP_URL: z
    .url({ message: "must be an absolute http(s) URL such as https://clinic.example" })
    .default("http://localhost:3000"),
  // The port `next dev` / `next start` listens on (Next sets it too). In development with no
  // APP_URL, APP_URL follows it, so payment redirects and webhooks come back to this server.
  PORT: optionalString.pipe(z.coerce.number<string>().int().min(1).max(65535).optional()),
  CLINIC_TIME_ZONE: z
    .string()
    .default("America/New_York")
    .refine(isTimeZone, { message: "must be an IANA time zone such as America/New_York" }),
  SEED_DEMO_DATA: z.enum(["auto", "never"]).default("auto"),
  // Required in production (see parseEnv); the embedded demo defaults to DEMO_TRUST_PROXY_HOPS.
  // 0: no proxy, the socket's address is the client (X-Forwarded-For is ignored entirely).
  TRUST_PROXY_HOPS: optionalString.pipe(z.coerce.number<string>().int().min(0).max(5).optional()),
  // "true" allows the demo data (published passwords) and the embedded database in production.
  DEMO_MODE: z
    .enum(["true", "false", ""], { message: 'must be "true" or unset' })
    .optional()
    .transform((value) => value === "true"),
  // Set by `next build` in its own process: run-time-only requirements are checked at start, not then.
  NEXT_PHASE: z.string().optional(),

  // Booking rules (see DESIGN.md "Demo mode and settings").
  BOOKING_MIN_NOTICE_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(120),
  BOOKING_HORIZON_DAYS: z.coerce.number().int().min(1).max(365).default(60),
  BOOKING_SLOT_GRID_MINUTES: z.coerce
    .number()
    .int()
    .refine((value) => [5, 10, 15, 20, 30, 60].includes(value), { message: "must be one of 5, 10, 15, 20, 30, 60" })
    .default(15),
  // Stripe's minimum Checkout expiry is 30 minutes; the hold lasts as long as the checkout.
  BOOKING_HOLD_MINUTES: z.coerce
    .number()
    .int()
    .min(30)
    .max(24 * 60)
    .default(30),
  // How long one instance may answer availability from memory; 0 reads the database every time.
  AVAILABILITY_CACHE_SECONDS: z.coerce.number().int().min(0).max(30).default(2),

  // Payments: with no STRIPE_SECRET_KEY the app talks to the local Stripe emulator (test mode).
  STRIPE_SECRET_KEY: optionalString.refine((value) => value === undefined || /^sk_(test|live)_/.test(value), {
    message: "must be a Stripe secret key (sk_test_… or sk_live_…), or unset for the local emulator",
  }),
  STRIPE_WEBHOOK_SECRET: optionalString.refine((value) => value === undefined || value.startsWith("whsec_"), {
    message: "must be the endpoint's signing secret (whsec_…)",
  }),
  STRIPE_EMULATOR_PORT: z.coerce.number().int().min(1024).max(65535).default(12111),
  // Staging: the SDK's calls go to this Stripe-compatible server (the emulator run alone with
  // `npm run stripe:emulator`) instead of api.stripe.com. Only with an sk_test_ key (see parseEnv).
  STRIPE_API_BASE: optionalString.refine(
    (value) => value === undefined || (isHttpUrl(value) && /^https?:\/\/[^/?#]+\/?$/.test(value)),
    { message: "must be an absolute http(s) URL with no path, such as http://127.0.0.1:12111" },
  ),
  // Where the emulator delivers its webhooks; default APP_URL/api/webhooks/stripe (with two
  // instances: one of them, or the load balancer in front of both).
  STRIPE_WEBHOOK_URL: optionalString.refine((value) => value === undefined || isHttpUrl(value), {
    message: "must be an absolute http(s) URL such as http://127.0.0.1:3000/api/webhooks/stripe",
  }),

  // Email: with SMTP_URL the outbox is delivered over SMTP; without it, messages are kept in the
  // outbox (readable by staff and by each client) and sent nowhere.
  SMTP_URL: optionalString.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        const url = new URL(value);
        return (url.protocol === "smtp:" || url.protocol === "smtps:") && url.hostname !== "";
      } catch {
        return false;
      }
    },
    { message: "must be an smtp://user:password@host:587 or smtps://user:password@host:465 URL, or unset" },
  ),
  EMAIL_FROM: optionalString,

  // Staff sign-in: "true" makes two-factor (TOTP) enrolment mandatory before any staff page opens.
  REQUIRE_STAFF_MFA: z
    .enum(["true", "false", ""], { message: 'must be "true", "false" or unset' })
    .optional()
    .transform((value) => value === "true"),
  // Receipts: prices include this tax, shown as its own line when set (e.g. 8.875 and "Sales tax").
  TAX_RATE_PERCENT: optionalString.pipe(z.coerce.number<string>().min(0).max(50).optional()),
  TAX_LABEL: z.string().trim().min(1).max(40).default("Tax"),
});

export type Env = Omit<z.infer<typeof envSchema>, "TRUST_PROXY_HOPS" | "NEXT_PHASE" | "PORT" | "STRIPE_WEBHOOK_URL"> & {
  AUTH_SECRET: string;
  TRUST_PROXY_HOPS: number;
  /** APP_URL/api/webhooks/stripe unless STRIPE_WEBHOOK_URL says otherwise. */
  STRIPE_WEBHOOK_URL: string;
  usesEmbeddedDatabase: boolean;
};

// The embedded demo (development, or DEMO_MODE=true) serves clients directly: no proxy, so the
// socket's address is the client (npm start passes it; X-Forwarded-For, which any client can send,
// is ignored). With one hop, every new X-Forwarded-For value was a new address to the sign-in,
// sign-up and screening throttles. A real deployment must say how many proxies it has.
export const DEMO_TRUST_PROXY_HOPS = 0;

export class ConfigurationError extends Error {
  override name = "ConfigurationError";
}

// With the embedded database (no DATABASE_URL) the site is a local demo: a missing AUTH_SECRET is
// generated once and kept in .data/ so sessions survive restarts. A real deployment must set it.
function embeddedAuthSecret(dataDir: string): string {
  const file = path.join(path.dirname(path.resolve(dataDir)), "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

const PRODUCTION_BUILD = "phase-production-build";

function configurationProblems(problems: readonly string[]): ConfigurationError {
  return new ConfigurationError(
    `Invalid configuration:\n${problems.map((line) => `  ${line}`).join("\n")}\nSee .env.example for every setting.`,
  );
}

function invalidSettings(issues: readonly z.core.$ZodIssue[]): ConfigurationError {
  const lines = issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
  return new ConfigurationError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every setting.`);
}

/**
 * APP_URL as given; when it is unset in development, http://localhost:<PORT>, so `PORT=3100 npm run
 * dev` sends payment redirects and webhooks to 3100. Never in production: there it must be set.
 */
function resolveAppUrl(
  source: Record<string, string | undefined>,
  values: { NODE_ENV: Env["NODE_ENV"]; APP_URL: string; PORT?: number | undefined },
): string {
  if (source.APP_URL === undefined && values.NODE_ENV === "development" && values.PORT !== undefined) {
    return `http://localhost:${values.PORT}`;
  }
  return values.APP_URL;
}

function defaultWebhookUrl(appUrl: string): string {
  return `${appUrl.replace(/\/+$/, "")}/api/webhooks/stripe`;
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) throw invalidSettings(parsed.error.issues);
  const { NEXT_PHASE, TRUST_PROXY_HOPS, PORT, STRIPE_WEBHOOK_URL, ...parsedValues } = parsed.data;
  const values = { ...parsedValues, APP_URL: resolveAppUrl(source, { ...parsedValues, PORT }) };
  const usesEmbeddedDatabase = values.DATABASE_URL === undefined;
  // A production server open to the public, as opposed to a build or the embedded demo.
  // DEMO_MODE relaxes the rules only for the embedded demo database, never for a real one.
  const servesProduction =
    values.NODE_ENV === "production" && !(values.DEMO_MODE && usesEmbeddedDatabase) && NEXT_PHASE !== PRODUCTION_BUILD;
  const problems: string[] = [];
  if (values.AUTH_SECRET === undefined && !usesEmbeddedDatabase) {
    problems.push("AUTH_SECRET: required when DATABASE_URL is set (generate one with: openssl rand -base64 32)");
  }
  if (servesProduction && usesEmbeddedDatabase) {
    problems.push(
      "DATABASE_URL: required in production (NODE_ENV=production). Set it to the clinic's PostgreSQL, or set " +
        "DEMO_MODE=true to run the embedded demo database with its published demo accounts.",
    );
  }
  if (servesProduction && TRUST_PROXY_HOPS === undefined) {
    problems.push(
      "TRUST_PROXY_HOPS: required in production: how many proxies in front of the app append to " +
        "X-Forwarded-For (1 for one load balancer), or 0 when clients connect to the app directly. Sign-in " +
        "throttles key on the client IP it gives.",
    );
  }
  if (servesProduction && (source.APP_URL === undefined || !isProductionAppUrl(values.APP_URL))) {
    problems.push(
      "APP_URL: required in production, as the public https:// address (cookies are Secure, and payment " +
        "redirects and canonical links are built from it); http:// only on this machine's loopback " +
        "(127.0.0.1, localhost, [::1]) for a staging run.",
    );
  }
  // A live key takes real money: its site must be on https (Secure cookies), never a loopback http
  // address, which is for staging only (a proxy to localhost set up by mistake would pass otherwise).
  if (
    servesProduction &&
    values.STRIPE_SECRET_KEY?.startsWith("sk_live_") &&
    new URL(values.APP_URL).protocol !== "https:"
  ) {
    problems.push(
      "APP_URL: must be https:// with a live STRIPE_SECRET_KEY (sk_live_…); http:// on loopback is for staging with an sk_test_ key.",
    );
  }
  if (servesProduction && values.STRIPE_SECRET_KEY === undefined) {
    problems.push(
      "STRIPE_SECRET_KEY: required in production. Without it payments would go to the local test-mode " +
        "emulator and no money would move; set DEMO_MODE=true only for a demonstration.",
    );
  }
  if (values.STRIPE_SECRET_KEY !== undefined && values.STRIPE_WEBHOOK_SECRET === undefined) {
    problems.push(
      "STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set: the signing secret (whsec_…) of the " +
        "webhook endpoint APP_URL/api/webhooks/stripe, or no payment would ever be confirmed.",
    );
  }
  if (values.STRIPE_API_BASE !== undefined && values.STRIPE_SECRET_KEY === undefined) {
    problems.push(
      "STRIPE_API_BASE: set without STRIPE_SECRET_KEY, which makes no sense: with no key the app starts its own " +
        "emulator on STRIPE_EMULATOR_PORT. For staging against `npm run stripe:emulator`, set an sk_test_ " +
        "STRIPE_SECRET_KEY too; otherwise unset STRIPE_API_BASE.",
    );
  }
  if (values.STRIPE_API_BASE !== undefined && values.STRIPE_SECRET_KEY?.startsWith("sk_live_")) {
    problems.push(
      "STRIPE_API_BASE: refused with a live key (sk_live_…): a live key goes only to Stripe itself. Use an " +
        "sk_test_ key for staging, or unset STRIPE_API_BASE.",
    );
  }
  if (problems.length > 0) throw configurationProblems(problems);
  const secret =
    values.AUTH_SECRET ??
    (values.PGLITE_DATA_DIR.startsWith("memory://")
      ? randomBytes(32).toString("base64url")
      : embeddedAuthSecret(values.PGLITE_DATA_DIR));
  return {
    ...values,
    AUTH_SECRET: secret,
    TRUST_PROXY_HOPS: TRUST_PROXY_HOPS ?? DEMO_TRUST_PROXY_HOPS,
    STRIPE_WEBHOOK_URL: STRIPE_WEBHOOK_URL ?? defaultWebhookUrl(values.APP_URL),
    usesEmbeddedDatabase,
  };
}

/** Parses only the named settings, with the same rules and messages as parseEnv. */
type EnvShape = typeof envSchema.shape;

function parseSettings<Key extends keyof EnvShape>(
  source: Record<string, string | undefined>,
  keys: readonly Key[],
): z.infer<z.ZodObject<Pick<EnvShape, Key>>> {
  const shape = Object.fromEntries(keys.map((key) => [key, envSchema.shape[key]])) as Pick<EnvShape, Key>;
  const parsed = z.object(shape).safeParse(source);
  if (!parsed.success) throw invalidSettings(parsed.error.issues);
  return parsed.data;
}

// --- Settings of the standalone scripts ------------------------------------------------------
// `npm run db:migrate` and `npm run stripe:emulator` run beside a production app with its
// environment, but need only a few of its settings: they check those, not the whole app's.

type DatabaseSettingKey = Extract<keyof Env, `DATABASE_${string}`> | "PGLITE_DATA_DIR" | "NODE_ENV" | "DEMO_MODE";
export type DatabaseEnv = Pick<Env, DatabaseSettingKey> & { usesEmbeddedDatabase: boolean };

/** What `npm run db:migrate` needs: DATABASE_URL (and the other DATABASE_* settings), nothing else. */
export function parseDatabaseEnv(source: Record<string, string | undefined>): DatabaseEnv {
  const keys = Object.keys(envSchema.shape).filter(
    (key) => key.startsWith("DATABASE_") || ["PGLITE_DATA_DIR", "NODE_ENV", "DEMO_MODE"].includes(key),
  ) as DatabaseSettingKey[];
  const values = parseSettings(source, keys) as Pick<Env, DatabaseSettingKey>;
  const usesEmbeddedDatabase = values.DATABASE_URL === undefined;
  if (usesEmbeddedDatabase && values.NODE_ENV === "production" && !values.DEMO_MODE) {
    throw configurationProblems([
      "DATABASE_URL: required in production (NODE_ENV=production): the clinic's PostgreSQL to migrate. " +
        "Set DEMO_MODE=true only for the embedded demo database.",
    ]);
  }
  return { ...values, usesEmbeddedDatabase };
}

export type StripeEmulatorEnv = {
  STRIPE_EMULATOR_PORT: number;
  /** Where the emulator POSTs its events. */
  STRIPE_WEBHOOK_URL: string;
  STRIPE_API_BASE: string | undefined;
  STRIPE_SECRET_KEY: string | undefined;
} & (
  | { STRIPE_WEBHOOK_SECRET: string }
  /** No STRIPE_WEBHOOK_SECRET: the secret is derived from AUTH_SECRET, as the app derives it. */
  | { STRIPE_WEBHOOK_SECRET: undefined; AUTH_SECRET: string }
);

/**
 * What `npm run stripe:emulator` needs, read from the same environment as the (staging) app: its
 * port, where webhooks go, and the secret they are signed with. A test key is fine (the staging app
 * presents it); a live key is refused. With STRIPE_WEBHOOK_SECRET set it needs no DATABASE_URL or
 * AUTH_SECRET.
 */
export function parseStripeEmulatorEnv(source: Record<string, string | undefined>): StripeEmulatorEnv {
  const values = parseSettings(source, [
    "NODE_ENV",
    "APP_URL",
    "PORT",
    "DATABASE_URL",
    "PGLITE_DATA_DIR",
    "AUTH_SECRET",
    "STRIPE_SECRET_KEY",
    "STRIPE_WEBHOOK_SECRET",
    "STRIPE_EMULATOR_PORT",
    "STRIPE_API_BASE",
    "STRIPE_WEBHOOK_URL",
  ]);
  const problems: string[] = [];
  if (values.STRIPE_SECRET_KEY?.startsWith("sk_live_")) {
    problems.push(
      "STRIPE_SECRET_KEY: a live key (sk_live_…) is set: the emulator runs in test mode only, and an app with a " +
        "live key talks to Stripe itself. Run it with an sk_test_ key (staging) or none.",
    );
  }
  let authSecret = values.AUTH_SECRET;
  if (values.STRIPE_WEBHOOK_SECRET === undefined && authSecret === undefined) {
    if (values.DATABASE_URL === undefined) {
      // The embedded demo's own generated secret, so the emulator signs as its app verifies.
      authSecret = values.PGLITE_DATA_DIR.startsWith("memory://")
        ? undefined
        : embeddedAuthSecret(values.PGLITE_DATA_DIR);
    }
    if (authSecret === undefined) {
      problems.push(
        "STRIPE_WEBHOOK_SECRET: required to sign the emulator's webhooks (the same whsec_… the app verifies with); " +
          "without it the secret is derived from AUTH_SECRET, which is not set either.",
      );
    }
  }
  const common = {
    STRIPE_EMULATOR_PORT: values.STRIPE_EMULATOR_PORT,
    STRIPE_WEBHOOK_URL: values.STRIPE_WEBHOOK_URL ?? defaultWebhookUrl(resolveAppUrl(source, values)),
    STRIPE_API_BASE: values.STRIPE_API_BASE,
    STRIPE_SECRET_KEY: values.STRIPE_SECRET_KEY,
  };
  if (problems.length === 0 && values.STRIPE_WEBHOOK_SECRET !== undefined) {
    return { ...common, STRIPE_WEBHOOK_SECRET: values.STRIPE_WEBHOOK_SECRET };
  }
  if (problems.length === 0 && authSecret !== undefined) {
    return { ...common, STRIPE_WEBHOOK_SECRET: undefined, AUTH_SECRET: authSecret };
  }
  throw configurationProblems(problems);
}

/** Demo data (with its published password) loads on start only into an empty embedded database,
 * and only in development or with DEMO_MODE=true. */
export function shouldSeedDemoDataOnStart(
  env: Pick<Env, "NODE_ENV" | "DEMO_MODE" | "SEED_DEMO_DATA" | "usesEmbeddedDatabase">,
): boolean {
  if (!env.usesEmbeddedDatabase || env.SEED_DEMO_DATA !== "auto") return false;
  return env.NODE_ENV !== "production" || env.DEMO_MODE;
}

// On globalThis: Next bundles this module into several server chunks, and they must agree (one
// generated secret per process, not one per chunk).
const globalForEnv = globalThis as typeof globalThis & { __clinicEnv?: Env };

export function getEnv(): Env {
  globalForEnv.__clinicEnv ??= parseEnv(process.env);
  return globalForEnv.__clinicEnv;
}
