import { describe, expect, it } from "vitest";
import {
  ConfigurationError,
  parseDatabaseEnv,
  parseEnv,
  parseStripeEmulatorEnv,
  shouldSeedDemoDataOnStart,
} from "@/lib/env";
import { demoDataNotice } from "@/lib/dev/demo/seed-demo";

const memory = { PGLITE_DATA_DIR: "memory://" };
const secret = "s".repeat(40);

describe("configuration", () => {
  it("defaults to the embedded database, the clinic's zone and a generated secret", () => {
    const env = parseEnv(memory);
    expect(env.usesEmbeddedDatabase).toBe(true);
    expect(env.CLINIC_TIME_ZONE).toBe("America/New_York");
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.DATABASE_POOL_SIZE).toBe(10);
  });

  it("accepts a PostgreSQL URL with a secret", () => {
    const env = parseEnv({
      ...memory,
      DATABASE_URL: "postgresql://app:pw@db.internal:5432/clinic",
      AUTH_SECRET: secret,
      DATABASE_POOL_SIZE: "20",
    });
    expect(env.usesEmbeddedDatabase).toBe(false);
    expect(env.DATABASE_POOL_SIZE).toBe(20);
  });

  it.each([
    ["mysql://root@localhost/clinic", "DATABASE_URL"],
    ["not a url", "DATABASE_URL"],
  ])("names DATABASE_URL when it is malformed (%s)", (url, variable) => {
    expect(() => parseEnv({ ...memory, DATABASE_URL: url, AUTH_SECRET: secret })).toThrow(
      new RegExp(`${variable}: must be a postgresql://`),
    );
  });

  it("requires AUTH_SECRET once a real database is configured", () => {
    expect(() => parseEnv({ ...memory, DATABASE_URL: "postgresql://app@db/clinic" })).toThrow(ConfigurationError);
    expect(() => parseEnv({ ...memory, DATABASE_URL: "postgresql://app@db/clinic" })).toThrow(/AUTH_SECRET: required/);
  });

  it("names each bad setting", () => {
    let message = "";
    try {
      parseEnv({ ...memory, AUTH_SECRET: "short", CLINIC_TIME_ZONE: "Mars/Olympus", DATABASE_POOL_SIZE: "0" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/AUTH_SECRET: must be at least 32 characters/);
    expect(message).toMatch(/CLINIC_TIME_ZONE: must be an IANA time zone/);
    expect(message).toMatch(/DATABASE_POOL_SIZE/);
  });
});

describe("production settings", () => {
  const production = { ...memory, NODE_ENV: "production" };
  const postgres = { DATABASE_URL: "postgresql://app@db.internal:5432/clinic", AUTH_SECRET: secret };
  const stripe = { STRIPE_SECRET_KEY: "sk_test_abc123", STRIPE_WEBHOOK_SECRET: "whsec_abc123" };
  const site = { APP_URL: "https://clinic.example" };

  it("refuses to serve the embedded database in production unless DEMO_MODE=true, naming both settings", () => {
    expect(() => parseEnv({ ...production, TRUST_PROXY_HOPS: "1" })).toThrow(ConfigurationError);
    expect(() => parseEnv({ ...production, TRUST_PROXY_HOPS: "1" })).toThrow(
      /DATABASE_URL: required in production.*DEMO_MODE=true/s,
    );
    expect(() => parseEnv({ ...production, DEMO_MODE: "false", TRUST_PROXY_HOPS: "1" })).toThrow(/DEMO_MODE/);
    const demo = parseEnv({ ...production, DEMO_MODE: "true" });
    expect(demo.usesEmbeddedDatabase).toBe(true);
    expect(demo.DEMO_MODE).toBe(true);
  });

  it("accepts only the exact value true for DEMO_MODE", () => {
    expect(() => parseEnv({ ...production, DEMO_MODE: "yes" })).toThrow(/DEMO_MODE/);
    expect(parseEnv({ ...memory, DEMO_MODE: "" }).DEMO_MODE).toBe(false);
  });

  it("requires TRUST_PROXY_HOPS in production, and names it", () => {
    expect(() => parseEnv({ ...production, ...postgres })).toThrow(/TRUST_PROXY_HOPS: required in production/);
    expect(parseEnv({ ...production, ...postgres, ...stripe, ...site, TRUST_PROXY_HOPS: "2" }).TRUST_PROXY_HOPS).toBe(
      2,
    );
    expect(() => parseEnv({ ...production, ...postgres, TRUST_PROXY_HOPS: "6" })).toThrow(/TRUST_PROXY_HOPS/);
    expect(() => parseEnv({ ...production, ...postgres, TRUST_PROXY_HOPS: "-1" })).toThrow(/TRUST_PROXY_HOPS/);
  });

  it("accepts TRUST_PROXY_HOPS=0: no proxy, the socket's address is the client", () => {
    expect(parseEnv({ ...production, ...postgres, ...stripe, ...site, TRUST_PROXY_HOPS: "0" }).TRUST_PROXY_HOPS).toBe(
      0,
    );
  });

  it("requires real Stripe keys in production: the emulator moves no money", () => {
    const live = { ...production, ...postgres, ...site, TRUST_PROXY_HOPS: "1" };
    expect(() => parseEnv(live)).toThrow(/STRIPE_SECRET_KEY: required in production/);
    expect(parseEnv({ ...live, ...stripe }).STRIPE_SECRET_KEY).toBe("sk_test_abc123");
    // The demo runs on the emulator, as development does.
    expect(parseEnv({ ...production, DEMO_MODE: "true" }).STRIPE_SECRET_KEY).toBeUndefined();
    expect(parseEnv(memory).STRIPE_SECRET_KEY).toBeUndefined();
  });

  it("requires the webhook signing secret with a Stripe key, in any mode", () => {
    expect(() => parseEnv({ ...memory, STRIPE_SECRET_KEY: "sk_test_abc123" })).toThrow(
      /STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set/,
    );
    expect(() => parseEnv({ ...memory, STRIPE_SECRET_KEY: "pk_test_abc123" })).toThrow(/STRIPE_SECRET_KEY/);
  });

  // A client could choose its own address with the old default of one hop (issue #16 point 2).
  it("gives the embedded demo no proxy: the socket's address is the client", () => {
    expect(parseEnv(memory).TRUST_PROXY_HOPS).toBe(0);
    expect(parseEnv({ ...production, DEMO_MODE: "true" }).TRUST_PROXY_HOPS).toBe(0);
  });

  it("relaxes nothing for DEMO_MODE on a real database", () => {
    expect(() => parseEnv({ ...production, ...postgres, DEMO_MODE: "true" })).toThrow(/TRUST_PROXY_HOPS: required/);
  });

  it("requires the public https address in production", () => {
    const live = { ...production, ...postgres, ...stripe, TRUST_PROXY_HOPS: "1" };
    expect(() => parseEnv(live)).toThrow(/APP_URL: required in production/);
    expect(() => parseEnv({ ...live, APP_URL: "http://clinic.example" })).toThrow(/APP_URL/);
    expect(parseEnv({ ...live, ...site }).APP_URL).toBe("https://clinic.example");
  });

  it("lists every production problem at once", () => {
    let message = "";
    try {
      parseEnv(production);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/DATABASE_URL: required in production/);
    expect(message).toMatch(/TRUST_PROXY_HOPS: required in production/);
  });

  it("lets `next build` run without the run-time settings: a build serves no one", () => {
    const env = parseEnv({ ...production, NEXT_PHASE: "phase-production-build" });
    expect(env.usesEmbeddedDatabase).toBe(true);
    expect(env.TRUST_PROXY_HOPS).toBe(0);
  });
});

describe("APP_URL in development follows PORT", () => {
  it.each([
    // `PORT=3100 npm run dev` with no APP_URL: redirects and webhooks come back to 3100.
    [{ NODE_ENV: "development", PORT: "3100" }, "http://localhost:3100"],
    [{ NODE_ENV: "development" }, "http://localhost:3000"],
    // A configured APP_URL always wins.
    [{ NODE_ENV: "development", PORT: "3100", APP_URL: "http://clinic.test:8080" }, "http://clinic.test:8080"],
    // Never outside development: production must name its public address itself.
    [{ NODE_ENV: "production", DEMO_MODE: "true", PORT: "3100" }, "http://localhost:3000"],
    [{ NODE_ENV: "test", PORT: "3100" }, "http://localhost:3000"],
  ])("%j → %s", (settings, appUrl) => {
    const env = parseEnv({ ...memory, ...settings });
    expect(env.APP_URL).toBe(appUrl);
    expect(env.STRIPE_WEBHOOK_URL).toBe(`${appUrl}/api/webhooks/stripe`);
  });

  it("names PORT when it is not a port", () => {
    expect(() => parseEnv({ ...memory, NODE_ENV: "development", PORT: "abc" })).toThrow(/PORT/);
  });
});

describe("staging on one machine", () => {
  const staging = {
    ...memory,
    NODE_ENV: "production",
    DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/clinic_staging",
    AUTH_SECRET: secret,
    TRUST_PROXY_HOPS: "1",
    APP_URL: "http://127.0.0.1:3100",
    STRIPE_SECRET_KEY: "sk_test_staging_anything",
    STRIPE_WEBHOOK_SECRET: "whsec_staging_0123456789",
    STRIPE_API_BASE: "http://127.0.0.1:12300",
  };

  it("runs a production build against a Stripe-compatible server with a test key", () => {
    const env = parseEnv(staging);
    expect(env.STRIPE_API_BASE).toBe("http://127.0.0.1:12300");
    expect(env.APP_URL).toBe("http://127.0.0.1:3100");
    expect(env.STRIPE_WEBHOOK_URL).toBe("http://127.0.0.1:3100/api/webhooks/stripe");
    expect(parseEnv({ ...staging, STRIPE_WEBHOOK_URL: "http://127.0.0.1:3101/api/webhooks/stripe" })).toMatchObject({
      STRIPE_WEBHOOK_URL: "http://127.0.0.1:3101/api/webhooks/stripe",
    });
  });

  it("refuses STRIPE_API_BASE with a live key in any mode, naming it", () => {
    const live = { STRIPE_SECRET_KEY: "sk_live_abc123" };
    expect(() => parseEnv({ ...staging, ...live })).toThrow(/STRIPE_API_BASE: refused with a live key/);
    expect(() =>
      parseEnv({ ...memory, ...live, STRIPE_WEBHOOK_SECRET: "whsec_x", STRIPE_API_BASE: "http://127.0.0.1:12300" }),
    ).toThrow(/STRIPE_API_BASE: refused with a live key/);
  });

  it("says STRIPE_API_BASE makes no sense without STRIPE_SECRET_KEY", () => {
    expect(() => parseEnv({ ...memory, STRIPE_API_BASE: "http://127.0.0.1:12300" })).toThrow(
      /STRIPE_API_BASE: set without STRIPE_SECRET_KEY, which makes no sense/,
    );
  });

  it.each(["127.0.0.1:12300", "ftp://127.0.0.1:12300", "http://127.0.0.1:12300/v1", "http://u:p@127.0.0.1:1"])(
    "names a malformed STRIPE_API_BASE (%s)",
    (base) => {
      expect(() => parseEnv({ ...staging, STRIPE_API_BASE: base })).toThrow(/STRIPE_API_BASE: must be an absolute/);
    },
  );

  it.each(["http://127.0.0.1:3100", "http://localhost:3100", "http://[::1]:3100"])(
    "accepts an http APP_URL in production on loopback (%s)",
    (appUrl) => {
      expect(parseEnv({ ...staging, APP_URL: appUrl }).APP_URL).toBe(appUrl);
    },
  );

  // Review finding: a live key on a loopback http address (say a proxy to localhost set up by
  // mistake) would run real payments with cookies that are not Secure.
  it("refuses a loopback http APP_URL with a live key: that is for staging with a test key", () => {
    const { STRIPE_API_BASE: _base, ...withoutBase } = staging;
    expect(() => parseEnv({ ...withoutBase, STRIPE_SECRET_KEY: "sk_live_real_money" })).toThrow(
      /APP_URL: must be https:\/\/ with a live STRIPE_SECRET_KEY/,
    );
    expect(
      parseEnv({ ...withoutBase, APP_URL: "https://clinic.example", STRIPE_SECRET_KEY: "sk_live_real_money" }).APP_URL,
    ).toBe("https://clinic.example");
  });

  it.each(["http://clinic.example", "http://10.0.0.5:3100", "http://127.0.0.1.nip.io:3100"])(
    "refuses any other http APP_URL in production, naming it (%s)",
    (appUrl) => {
      expect(() => parseEnv({ ...staging, APP_URL: appUrl })).toThrow(/APP_URL: required in production/);
    },
  );

  it("migrates with DATABASE_URL alone, in production too", () => {
    const env = parseDatabaseEnv({ NODE_ENV: "production", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/c" });
    expect(env).toMatchObject({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/c", usesEmbeddedDatabase: false });
    expect(env.DATABASE_POOL_TIMEOUT_MS).toBe(3_000);
    expect(() => parseDatabaseEnv({ NODE_ENV: "production" })).toThrow(/DATABASE_URL: required in production/);
    expect(parseDatabaseEnv({ NODE_ENV: "production", DEMO_MODE: "true", ...memory }).usesEmbeddedDatabase).toBe(true);
    expect(() => parseDatabaseEnv({ DATABASE_URL: "mysql://root@db/clinic" })).toThrow(/DATABASE_URL: must be/);
  });

  it("runs the emulator alone with the staging app's environment, needing no DATABASE_URL or AUTH_SECRET", () => {
    const { DATABASE_URL: _database, AUTH_SECRET: _secret, ...withoutThem } = staging;
    for (const source of [staging, withoutThem]) {
      expect(parseStripeEmulatorEnv(source)).toEqual({
        STRIPE_EMULATOR_PORT: 12111,
        STRIPE_WEBHOOK_URL: "http://127.0.0.1:3100/api/webhooks/stripe",
        STRIPE_WEBHOOK_SECRET: "whsec_staging_0123456789",
        STRIPE_API_BASE: "http://127.0.0.1:12300",
        STRIPE_SECRET_KEY: "sk_test_staging_anything",
      });
    }
    expect(
      parseStripeEmulatorEnv({ ...staging, STRIPE_EMULATOR_PORT: "12300", STRIPE_WEBHOOK_URL: "http://lb.test/hook" }),
    ).toMatchObject({ STRIPE_EMULATOR_PORT: 12300, STRIPE_WEBHOOK_URL: "http://lb.test/hook" });
  });

  it("refuses to run the emulator beside a live key, and without any secret to sign with", () => {
    expect(() => parseStripeEmulatorEnv({ ...staging, STRIPE_SECRET_KEY: "sk_live_abc" })).toThrow(
      /STRIPE_SECRET_KEY: a live key/,
    );
    expect(() =>
      parseStripeEmulatorEnv({ DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/c", APP_URL: staging.APP_URL }),
    ).toThrow(/STRIPE_WEBHOOK_SECRET: required to sign the emulator's webhooks/);
    expect(parseStripeEmulatorEnv({ ...memory, AUTH_SECRET: secret })).toMatchObject({
      STRIPE_WEBHOOK_SECRET: undefined,
      AUTH_SECRET: secret,
    });
  });
});

describe("demo data on start", () => {
  it.each([
    [{ NODE_ENV: "development" }, true],
    [{ NODE_ENV: "test" }, true],
    [{ NODE_ENV: "development", SEED_DEMO_DATA: "never" }, false],
    [{ NODE_ENV: "production", DEMO_MODE: "true" }, true],
    [{ NODE_ENV: "production", DEMO_MODE: "true", SEED_DEMO_DATA: "never" }, false],
    // Only the embedded database is ever seeded on start, in any mode.
    [
      { NODE_ENV: "development", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/clinic", AUTH_SECRET: secret },
      false,
    ],
    [
      {
        NODE_ENV: "production",
        DEMO_MODE: "true",
        DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/clinic",
        AUTH_SECRET: secret,
        TRUST_PROXY_HOPS: "1",
        APP_URL: "https://clinic.example",
        STRIPE_SECRET_KEY: "sk_test_abc123",
        STRIPE_WEBHOOK_SECRET: "whsec_abc123",
      },
      false,
    ],
  ])("%j → %s", (settings, expected) => {
    expect(shouldSeedDemoDataOnStart(parseEnv({ ...memory, ...settings }))).toBe(expected);
  });

  it("never seeds a production start without DEMO_MODE, even if the refusal were bypassed", () => {
    const env = { ...parseEnv({ ...memory, DEMO_MODE: "true" }), NODE_ENV: "production" as const, DEMO_MODE: false };
    expect(shouldSeedDemoDataOnStart(env)).toBe(false);
  });

  it("prints the demo password in development only", () => {
    const accounts = ["admin@clinic.test", "client@clinic.test"];
    const development = demoDataNotice(parseEnv(memory), accounts, "calf-demo-2026");
    expect(development).toContain("calf-demo-2026");
    const production = demoDataNotice(
      parseEnv({ ...memory, NODE_ENV: "production", DEMO_MODE: "true" }),
      accounts,
      "calf-demo-2026",
    );
    expect(production).toContain("admin@clinic.test");
    expect(production).not.toContain("calf-demo-2026");
  });
});
