// createBooking when Stripe hangs or cannot be reached: the client's bounds (a timeout and one retry)
// end the request with PaymentsUnavailable (503), and the hold it took is released, so the slot is
// free again. The timeout is made small here through the client factory; the app uses 10 s.
import net from "node:net";
import type { AddressInfo } from "node:net";
import type Stripe from "stripe";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createBooking, type CreateBookingInput } from "@/lib/booking/create-booking";
import { getEnv } from "@/lib/env";
import { DomainError } from "@/lib/errors/domain-errors";
import { errorResponse } from "@/lib/http/api-error";
import { STRIPE_REQUEST_BOUNDS } from "@/lib/payments/stripe-emulator-client";
import { createStripeClient } from "@/lib/payments/stripe-client";
import { ENGINE } from "../support/db-setup";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";
import { CLEAR_INTAKE, clinicTimeAhead, createBookableService, createClient } from "../support/booking-scenario";

const ACTIVE = ["PENDING_PAYMENT", "CONFIRMED", "CHECKED_IN"] as const;
const globals = globalThis as typeof globalThis & { __clinicStripe?: Stripe };

/** A server that accepts every connection and never answers, recording each request line it is sent. */
async function startHungServer(): Promise<{ port: number; requestLines: string[]; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const requestLines: string[] = [];
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.once("data", (chunk: Buffer) => requestLines.push(chunk.toString("latin1").split("\r\n")[0] ?? ""));
    socket.on("error", () => {});
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requestLines,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port nothing listens on: connections are refused. */
async function closedPort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

/** The app's Stripe client, pointed at `apiBase` with a short timeout and the app's retry count. */
function useStripeAt(apiBase: string): void {
  const env = { ...getEnv(), STRIPE_SECRET_KEY: "sk_test_outage", STRIPE_WEBHOOK_SECRET: "whsec_outage" };
  globals.__clinicStripe = createStripeClient(
    { ...env, STRIPE_API_BASE: apiBase },
    { timeoutMs: 250, maxNetworkRetries: STRIPE_REQUEST_BOUNDS.maxNetworkRetries },
  );
}

let harness: PaymentsHarness;
let appStripe: Stripe | undefined;
beforeAll(async () => {
  harness = await startPaymentsHarness();
  appStripe = globals.__clinicStripe;
});
afterEach(() => {
  globals.__clinicStripe = appStripe;
  vi.restoreAllMocks();
});
afterAll(async () => {
  await harness.close();
});

async function bookExpectingOutage(request: CreateBookingInput & { payment?: "checkout" }): Promise<DomainError> {
  const logged = vi.spyOn(console, "error").mockImplementation(() => {});
  const error = await createBooking(request).then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  expect((error as DomainError).kind).toBe("payments_unavailable");
  // What the API answers for it (lib/http/api-error.ts).
  expect(errorResponse(error).status).toBe(503);
  expect(logged).toHaveBeenCalled();
  return error as DomainError;
}

describe(`createBooking with Stripe out of reach (${ENGINE})`, () => {
  it("ends with 503 and no active hold when Stripe accepts the connection and never answers", async () => {
    const { service } = await createBookableService();
    const client = await createClient();
    const request = { client, serviceSlug: service.slug, start: clinicTimeAhead(3, 10), intake: CLEAR_INTAKE };
    const hung = await startHungServer();
    try {
      useStripeAt(`http://127.0.0.1:${hung.port}`);
      await bookExpectingOutage(request);
      // The Checkout Session was asked for twice: the first try and its one retry, then no more.
      expect(hung.requestLines.filter((line) => line.startsWith("POST /v1/checkout/sessions "))).toHaveLength(2);
    } finally {
      await hung.close();
    }
    expect(await prisma.booking.count({ where: { clientId: client.id, status: { in: [...ACTIVE] } } })).toBe(0);

    // The slot is free again: with Stripe back, the same client books it.
    globals.__clinicStripe = appStripe;
    const again = await createBooking(request);
    expect(again.booking.status).toBe("PENDING_PAYMENT");
    expect(again.checkoutUrl).toMatch(new RegExp(`^${harness.emulator.url}/checkout/`));
  });

  it("ends with 503 and no active hold when nothing listens where Stripe should be", async () => {
    const { service } = await createBookableService();
    const client = await createClient();
    useStripeAt(`http://127.0.0.1:${await closedPort()}`);
    await bookExpectingOutage({
      client,
      serviceSlug: service.slug,
      start: clinicTimeAhead(4, 10),
      intake: CLEAR_INTAKE,
    });
    expect(await prisma.booking.count({ where: { clientId: client.id, status: { in: [...ACTIVE] } } })).toBe(0);
    expect(await prisma.booking.count({ where: { clientId: client.id, status: "EXPIRED" } })).toBe(1);
  });
});
