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
  CLINIC_TIME_ZONE: z
    .string()
    .default("America/New_York")
    .refine(isTimeZone, { message: "must be an IANA time zone such as America/New_York" }),
  SEED_DEMO_DATA: z.enum(["auto", "never"]).default("auto"),
  // Required in production (see parseEnv); the embedded demo defaults to DEMO_TRUST_PROXY_HOPS.
  TRUST_PROXY_HOPS: optionalString.pipe(z.coerce.number<string>().int().min(1).max(5).optional()),
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

export type Env = Omit<z.infer<typeof envSchema>, "TRUST_PROXY_HOPS" | "NEXT_PHASE"> & {
  AUTH_SECRET: string;
  TRUST_PROXY_HOPS: number;
  usesEmbeddedDatabase: boolean;
};

// The embedded demo (development, or DEMO_MODE=true) runs as one `next start`, which Next.js fills
// X-Forwarded-For for when nothing else does: one hop. A real deployment must say how many.
export const DEMO_TRUST_PROXY_HOPS = 1;

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

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new ConfigurationError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every setting.`);
  }
  const { NEXT_PHASE, TRUST_PROXY_HOPS, ...values } = parsed.data;
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
        "X-Forwarded-For (1 for one load balancer). Sign-in throttles key on the client IP it gives.",
    );
  }
  if (servesProduction && (source.APP_URL === undefined || new URL(values.APP_URL).protocol !== "https:")) {
    problems.push(
      "APP_URL: required in production, as the public https:// address (cookies are Secure, and payment " +
        "redirects and canonical links are built from it).",
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
  if (problems.length > 0) {
    throw new ConfigurationError(
      `Invalid configuration:\n${problems.map((line) => `  ${line}`).join("\n")}\nSee .env.example for every setting.`,
    );
  }
  const secret =
    values.AUTH_SECRET ??
    (values.PGLITE_DATA_DIR.startsWith("memory://")
      ? randomBytes(32).toString("base64url")
      : embeddedAuthSecret(values.PGLITE_DATA_DIR));
  return {
    ...values,
    AUTH_SECRET: secret,
    TRUST_PROXY_HOPS: TRUST_PROXY_HOPS ?? DEMO_TRUST_PROXY_HOPS,
    usesEmbeddedDatabase,
  };
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
