// lib/payments/stripe-client.ts: the emulator with no STRIPE_SECRET_KEY, Stripe with one, a
// Stripe-compatible server with a test key and STRIPE_API_BASE (staging); the bounds on every call;
// the webhook secret the emulator signs with; and ensureStripeEmulatorRunning's one start per process.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ConfigurationError, parseEnv, type Env } from "@/lib/env";
import { deriveEmulatorWebhookSecret, startStripeEmulator } from "@/lib/dev/stripe-emulator";
import { ensureStripeEmulatorRunning } from "@/lib/dev/stripe-emulator/ensure-stripe-emulator-running";
import {
  createStripeClient,
  describeStagingStripe,
  getWebhookSecret,
  isStripeTestMode,
  stripeMode,
} from "@/lib/payments/stripe-client";
import { bookingCheckoutParams } from "@/tests/support/stripe-emulator-harness";

const AUTH_SECRET = "a".repeat(43);
const STAGING_BASE = "http://127.0.0.1:12300";

function envWith(values: Record<string, string>): Env {
  return parseEnv({ PGLITE_DATA_DIR: "memory://", AUTH_SECRET, ...values });
}

async function freePort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("stripeMode", () => {
  it.each([
    [{}, "emulator"],
    [{ STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_x" }, "test"],
    [{ STRIPE_SECRET_KEY: "sk_live_abc", STRIPE_WEBHOOK_SECRET: "whsec_x" }, "live"],
    [{ STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_x", STRIPE_API_BASE: STAGING_BASE }, "staging"],
  ] as const)("%j → %s", (values, mode) => {
    expect(stripeMode(envWith(values))).toBe(mode);
    // The pages' "test mode" marker: every mode but live.
    expect(isStripeTestMode(envWith(values))).toBe(mode !== "live");
  });

  it("names staging in one start-up line, and nothing else", () => {
    const staging = envWith({
      STRIPE_SECRET_KEY: "sk_test_abc",
      STRIPE_WEBHOOK_SECRET: "whsec_x",
      STRIPE_API_BASE: STAGING_BASE,
    });
    expect(describeStagingStripe(staging)).toBe(
      `Stripe: test key against STRIPE_API_BASE=${STAGING_BASE} (staging); no real money moves.`,
    );
    expect(describeStagingStripe(envWith({}))).toBeNull();
    expect(
      describeStagingStripe(envWith({ STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_x" })),
    ).toBeNull();
  });
});

describe("getWebhookSecret", () => {
  it("with the emulator, derives a whsec_ secret from AUTH_SECRET, the same every time", () => {
    const secret = getWebhookSecret(envWith({}));
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{32}$/);
    expect(secret).toBe(deriveEmulatorWebhookSecret(AUTH_SECRET));
    expect(secret).not.toBe(deriveEmulatorWebhookSecret("b".repeat(43)));
  });

  it("prefers STRIPE_WEBHOOK_SECRET when it is set", () => {
    expect(getWebhookSecret(envWith({ STRIPE_WEBHOOK_SECRET: "whsec_configured" }))).toBe("whsec_configured");
    expect(
      getWebhookSecret(envWith({ STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_from_dashboard" })),
    ).toBe("whsec_from_dashboard");
  });

  it("with real keys and no STRIPE_WEBHOOK_SECRET, stops with a message naming it", () => {
    // Start-up refuses such a configuration; the webhook check refuses it again if one slipped through.
    expect(() => envWith({ STRIPE_SECRET_KEY: "sk_test_abc" })).toThrow(
      /STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set/,
    );
    const env = { ...envWith({}), STRIPE_SECRET_KEY: "sk_test_abc" };
    expect(() => getWebhookSecret(env)).toThrow(ConfigurationError);
    expect(() => getWebhookSecret(env)).toThrow(/STRIPE_WEBHOOK_SECRET: required when STRIPE_SECRET_KEY is set/);
  });
});

describe("createStripeClient", () => {
  it("with no STRIPE_SECRET_KEY, sends the SDK's calls to the emulator on STRIPE_EMULATOR_PORT", async () => {
    const port = await freePort();
    const env = envWith({ STRIPE_EMULATOR_PORT: String(port) });
    const emulator = await startStripeEmulator({ port, webhookSecret: getWebhookSecret(env) });
    try {
      const session = await createStripeClient(env).checkout.sessions.create(bookingCheckoutParams());
      expect(session.url).toBe(`http://127.0.0.1:${port}/checkout/${session.id}`);
    } finally {
      await emulator.close();
    }
  });

  it("with a test key and STRIPE_API_BASE, sends the SDK's calls there; the emulator takes any sk_test_ key", async () => {
    const port = await freePort();
    const env = envWith({
      STRIPE_SECRET_KEY: `sk_test_staging_${Math.random().toString(36).slice(2)}`,
      STRIPE_WEBHOOK_SECRET: "whsec_staging",
      STRIPE_API_BASE: `http://127.0.0.1:${port}`,
    });
    const emulator = await startStripeEmulator({ port, webhookSecret: "whsec_staging" });
    try {
      const stripe = createStripeClient(env);
      const session = await stripe.checkout.sessions.create(bookingCheckoutParams());
      expect(session.url).toBe(`http://127.0.0.1:${port}/checkout/${session.id}`);
      expect((await stripe.checkout.sessions.retrieve(session.id)).status).toBe("open");
      // The emulator still refuses what is not a test key.
      const live = createStripeClient({ ...env, STRIPE_SECRET_KEY: "sk_live_abc" });
      await expect(live.checkout.sessions.retrieve(session.id)).rejects.toMatchObject({
        type: "StripeAuthenticationError",
      });
    } finally {
      await emulator.close();
    }
  });

  it("bounds every client: 10 s per call and one retry, not the SDK's 80 s and two", () => {
    const clients = [
      createStripeClient(envWith({})),
      createStripeClient(envWith({ STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_x" })),
      createStripeClient(envWith({ STRIPE_SECRET_KEY: "sk_live_abc", STRIPE_WEBHOOK_SECRET: "whsec_x" })),
      createStripeClient(
        envWith({ STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_x", STRIPE_API_BASE: STAGING_BASE }),
      ),
    ];
    for (const client of clients) {
      expect(client.getApiField("timeout")).toBe(10_000);
      expect(client.getMaxNetworkRetries()).toBe(1);
    }
    expect(clients[3]?.getApiField("host")).toBe("127.0.0.1");
    expect(clients[3]?.getApiField("port")).toBe(12300);
    expect(clients[3]?.getApiField("protocol")).toBe("http");
    expect(clients[1]?.getApiField("host")).toBe("api.stripe.com");
  });
});

describe("ensureStripeEmulatorRunning", () => {
  const globals = globalThis as typeof globalThis & { __clinicEnv?: Env; __clinicStripeEmulator?: Promise<unknown> };

  afterEach(async () => {
    const running = (await globals.__clinicStripeEmulator?.catch(() => undefined)) as
      { status: string; emulator?: { close(): Promise<void> } } | undefined;
    await running?.emulator?.close();
    globals.__clinicStripeEmulator = undefined;
    globals.__clinicEnv = undefined;
    vi.restoreAllMocks();
  });

  it("does nothing when a real key is configured", async () => {
    globals.__clinicEnv = envWith({ STRIPE_SECRET_KEY: "sk_test_abc", STRIPE_WEBHOOK_SECRET: "whsec_x" });
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    await expect(ensureStripeEmulatorRunning()).resolves.toEqual({ status: "not-needed", mode: "test" });
    expect(info).not.toHaveBeenCalled();
  });

  it("in staging starts no emulator of its own and says so in one line", async () => {
    globals.__clinicEnv = envWith({
      STRIPE_SECRET_KEY: "sk_test_abc",
      STRIPE_WEBHOOK_SECRET: "whsec_x",
      STRIPE_API_BASE: STAGING_BASE,
    });
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    await expect(ensureStripeEmulatorRunning()).resolves.toEqual({ status: "not-needed", mode: "staging" });
    await ensureStripeEmulatorRunning();
    expect(info.mock.calls).toEqual([
      [expect.stringMatching(/STRIPE_API_BASE=http:\/\/127\.0\.0\.1:12300 \(staging\); no real money moves/)],
    ]);
  });

  it("stays out of `next build`, whose page workers take no payments", async () => {
    globals.__clinicEnv = envWith({});
    vi.stubEnv("NEXT_PHASE", "phase-production-build");
    try {
      await expect(ensureStripeEmulatorRunning()).resolves.toEqual({ status: "skipped-during-build" });
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("starts the emulator once per process, delivering to APP_URL's webhook route", async () => {
    const port = await freePort();
    globals.__clinicEnv = envWith({ STRIPE_EMULATOR_PORT: String(port), APP_URL: "http://localhost:4321/" });
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const [first, second] = await Promise.all([ensureStripeEmulatorRunning(), ensureStripeEmulatorRunning()]);
    expect(first).toBe(second);
    expect(first).toMatchObject({ status: "started", url: `http://127.0.0.1:${port}` });
    if (first.status !== "started") return;
    expect(first.emulator.webhookUrl).toBe("http://localhost:4321/api/webhooks/stripe");
    expect(info).toHaveBeenCalledOnce();
    expect(info.mock.calls[0]?.[0]).toContain("TEST MODE");
  });

  it("uses an emulator another process already runs on the port, and says so", async () => {
    const port = await freePort();
    globals.__clinicEnv = envWith({ STRIPE_EMULATOR_PORT: String(port) });
    const other = await startStripeEmulator({
      port,
      webhookUrl: "http://localhost:3000/api/webhooks/stripe",
      webhookSecret: getWebhookSecret(globals.__clinicEnv),
    });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      await expect(ensureStripeEmulatorRunning({ portWaitMs: 300 })).resolves.toEqual({
        status: "already-running",
        url: `http://127.0.0.1:${port}`,
        pid: process.pid,
      });
      expect(warn.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringContaining(`port ${port} (STRIPE_EMULATOR_PORT) is already served by another Stripe emulator`),
      ]);
    } finally {
      await other.close();
    }
  });

  it("refuses a port taken by something else, naming STRIPE_EMULATOR_PORT", async () => {
    const squatter = http.createServer((_request, response) => response.end("hello"));
    await new Promise<void>((resolve) => squatter.listen(0, "127.0.0.1", resolve));
    const { port } = squatter.address() as AddressInfo;
    globals.__clinicEnv = envWith({ STRIPE_EMULATOR_PORT: String(port) });
    try {
      await expect(ensureStripeEmulatorRunning({ portWaitMs: 300 })).rejects.toThrow(
        `port ${port} (STRIPE_EMULATOR_PORT) is taken by something that is not the Stripe emulator`,
      );
      expect(globals.__clinicStripeEmulator).toBeUndefined();
    } finally {
      squatter.closeAllConnections();
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });
});
