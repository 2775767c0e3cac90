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
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),
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
  TRUST_PROXY_HOPS: z.coerce.number().int().min(1).max(5).default(1),
  // "true" allows the demo data (published passwords) and the embedded database in production.
  DEMO_MODE: z
    .enum(["true", "false", ""])
    .optional()
    .transform((value) => value === "true"),

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
  BOOKING_CANCELLATION_CUTOFF_HOURS: z.coerce
    .number()
    .int()
    .min(0)
    .max(14 * 24)
    .default(24),
  // Stripe's minimum Checkout expiry is 30 minutes; the hold lasts as long as the checkout.
  BOOKING_HOLD_MINUTES: z.coerce
    .number()
    .int()
    .min(30)
    .max(24 * 60)
    .default(30),

  // Payments: with no STRIPE_SECRET_KEY the app talks to the local Stripe emulator (test mode).
  STRIPE_SECRET_KEY: optionalString.refine((value) => value === undefined || /^sk_(test|live)_/.test(value), {
    message: "must be a Stripe secret key (sk_test_… or sk_live_…), or unset for the local emulator",
  }),
  STRIPE_WEBHOOK_SECRET: optionalString.refine((value) => value === undefined || value.startsWith("whsec_"), {
    message: "must be the endpoint's signing secret (whsec_…)",
  }),
  STRIPE_EMULATOR_PORT: z.coerce.number().int().min(1024).max(65535).default(12111),
});

export type Env = z.infer<typeof envSchema> & { AUTH_SECRET: string; usesEmbeddedDatabase: boolean };

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

export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new ConfigurationError(`Invalid configuration:\n${lines.join("\n")}\nSee .env.example for every setting.`);
  }
  const values = parsed.data;
  const usesEmbeddedDatabase = values.DATABASE_URL === undefined;
  let secret = values.AUTH_SECRET;
  if (secret === undefined) {
    if (!usesEmbeddedDatabase) {
      throw new ConfigurationError(
        "Invalid configuration:\n  AUTH_SECRET: required when DATABASE_URL is set (generate one with: openssl rand -base64 32)",
      );
    }
    secret = values.PGLITE_DATA_DIR.startsWith("memory://")
      ? randomBytes(32).toString("base64url")
      : embeddedAuthSecret(values.PGLITE_DATA_DIR);
  }
  return { ...values, AUTH_SECRET: secret, usesEmbeddedDatabase };
}

// On globalThis: Next bundles this module into several server chunks, and they must agree (one
// generated secret per process, not one per chunk).
const globalForEnv = globalThis as typeof globalThis & { __clinicEnv?: Env };

export function getEnv(): Env {
  globalForEnv.__clinicEnv ??= parseEnv(process.env);
  return globalForEnv.__clinicEnv;
}
