// Background jobs: a paid checkout whose webhook was lost is confirmed by reconciliation, a hold
// whose time ran out is released (and its slot booked by someone else), a job under lease runs in
// one process at a time, and the runner stops after finishing the tick under way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { createBooking } from "@/lib/booking/create-booking";
import { expireLapsedHolds } from "@/lib/jobs/expire-lapsed-holds";
import { acquireJobLease, releaseJobLease } from "@/lib/jobs/job-lease";
import { reconcilePendingPayments } from "@/lib/jobs/reconcile-pending-payments";
import { startJobRunner } from "@/lib/jobs/run-jobs";
import { startStripeEmulator, type StripeEmulator } from "@/lib/dev/stripe-emulator/start-stripe-emulator";
import { getWebhookSecret } from "@/lib/payments/stripe-client";
import { ENGINE } from "../support/db-setup";
import {
  CLEAR_INTAKE,
  clinicTimeAhead,
  createBookableService,
  createClient,
  uniqueLabel,
} from "../support/booking-scenario";

// An emulator that sends no webhooks at all: every webhook is "lost".
let emulator: StripeEmulator;
let dayOffset = 20;
beforeAll(async () => {
  const env = getEnv();
  emulator = await startStripeEmulator({
    port: env.STRIPE_EMULATOR_PORT,
    webhookUrl: null,
    webhookSecret: getWebhookSecret(env),
  });
});
afterAll(async () => {
  await emulator.close();
});

async function heldBooking() {
  const { service } = await createBookableService();
  const start = clinicTimeAhead(dayOffset++, 11);
  const result = await createBooking({
    client: await createClient(),
    serviceSlug: service.slug,
    start,
    intake: CLEAR_INTAKE,
  });
  const sessionId = result.checkoutUrl.split("/").pop() as string;
  return { bookingId: result.booking.id, sessionId, service, start };
}

const bookingState = (id: string) =>
  prisma.booking.findUniqueOrThrow({
    where: { id },
    select: { status: true, payments: { select: { status: true } } },
  });

describe(`reconciling payments with Stripe (${ENGINE})`, () => {
  it("confirms a paid checkout whose webhook never came, once, with one confirmation message", async () => {
    const { bookingId, sessionId } = await heldBooking();
    emulator.pay(sessionId);
    expect((await bookingState(bookingId)).status).toBe("PENDING_PAYMENT");

    // Too recent to ask about yet: the webhook may still be on its way.
    await reconcilePendingPayments();
    expect((await bookingState(bookingId)).status).toBe("PENDING_PAYMENT");

    await Promise.all([
      reconcilePendingPayments({ olderThanMs: 0, limit: 1_000 }),
      reconcilePendingPayments({ olderThanMs: 0, limit: 1_000 }),
    ]);
    expect(await bookingState(bookingId)).toEqual({ status: "CONFIRMED", payments: [{ status: "SUCCEEDED" }] });
    const messages = await prisma.emailOutbox.findMany({ where: { bookingId }, select: { template: true } });
    expect(messages).toEqual([{ template: "booking-confirmed" }]);
    expect(await prisma.auditLog.count({ where: { entityId: bookingId, action: "booking.confirmed" } })).toBe(1);
  });

  it("leaves an open, unpaid checkout alone", async () => {
    const { bookingId } = await heldBooking();
    await reconcilePendingPayments({ olderThanMs: 0, limit: 1_000 });
    expect(await bookingState(bookingId)).toEqual({ status: "PENDING_PAYMENT", payments: [{ status: "PENDING" }] });
  });
});

describe(`expiring lapsed holds (${ENGINE})`, () => {
  it("releases a hold whose time ran out with no webhook, closes its checkout, and frees the slot", async () => {
    const { bookingId, sessionId, service, start } = await heldBooking();
    await prisma.booking.update({ where: { id: bookingId }, data: { holdExpiresAt: new Date(Date.now() - 60_000) } });

    expect(await expireLapsedHolds({ limit: 1_000 })).toBeGreaterThanOrEqual(1);
    expect(await bookingState(bookingId)).toEqual({ status: "EXPIRED", payments: [{ status: "EXPIRED" }] });
    expect(await prisma.auditLog.count({ where: { entityId: bookingId, action: "booking.hold_expired" } })).toBe(1);
    // The checkout can take no more money.
    expect(
      emulator
        .events()
        .some(
          (event) =>
            event.type === "checkout.session.expired" && (event.data.object as { id: string }).id === sessionId,
        ),
    ).toBe(true);

    // Run again: nothing more happens to it.
    await expireLapsedHolds({ limit: 1_000 });
    expect(await prisma.auditLog.count({ where: { entityId: bookingId, action: "booking.hold_expired" } })).toBe(1);

    const second = await createBooking({
      client: await createClient(),
      serviceSlug: service.slug,
      start,
      intake: CLEAR_INTAKE,
    });
    expect(second.booking.status).toBe("PENDING_PAYMENT");
  });

  it("confirms rather than releases a lapsed hold whose checkout was paid at the last moment", async () => {
    const { bookingId, sessionId } = await heldBooking();
    emulator.pay(sessionId);
    await prisma.booking.update({ where: { id: bookingId }, data: { holdExpiresAt: new Date(Date.now() - 60_000) } });
    await expireLapsedHolds({ limit: 1_000 });
    expect(await bookingState(bookingId)).toEqual({ status: "CONFIRMED", payments: [{ status: "SUCCEEDED" }] });
  });
});

describe(`job runner (${ENGINE})`, () => {
  it("gives a job's lease to one holder at a time, and again once it is handed back", async () => {
    const name = `test-job-${uniqueLabel()}`;
    const outcomes = await Promise.all([
      acquireJobLease(name, "worker-a", 60_000),
      acquireJobLease(name, "worker-b", 60_000),
    ]);
    expect(outcomes.filter(Boolean)).toHaveLength(1);
    const winner = outcomes[0] ? "worker-a" : "worker-b";
    await releaseJobLease(name, "someone-else");
    expect(await acquireJobLease(name, "worker-c", 60_000)).toBe(false);
    await releaseJobLease(name, winner);
    expect(await acquireJobLease(name, "worker-c", 60_000)).toBe(true);
  });

  it("runs a leased job in one of two runners at a time", async () => {
    const name = `test-exclusive-${uniqueLabel()}`;
    let running = 0;
    let mostAtOnce = 0;
    let runs = 0;
    const job = {
      name,
      intervalMs: 10,
      leaseMs: 60_000,
      run: async () => {
        running++;
        runs++;
        mostAtOnce = Math.max(mostAtOnce, running);
        await new Promise((resolve) => setTimeout(resolve, 50));
        running--;
      },
    };
    const runners = [startJobRunner({ jobs: [job], tickMs: 5 }), startJobRunner({ jobs: [job], tickMs: 5 })];
    await new Promise((resolve) => setTimeout(resolve, 400));
    await Promise.all(runners.map((runner) => runner.stop()));
    expect(runs).toBeGreaterThan(1);
    expect(mostAtOnce).toBe(1);
  });

  it("stops after finishing the tick under way, as on SIGTERM", async () => {
    const finished: string[] = [];
    let started!: () => void;
    const firstStarted = new Promise<void>((resolve) => (started = resolve));
    const runner = startJobRunner({
      tickMs: 5,
      jobs: [
        {
          name: "slow",
          intervalMs: 10,
          run: async () => {
            started();
            await new Promise((resolve) => setTimeout(resolve, 100));
            finished.push("slow");
          },
        },
        { name: "next-in-tick", intervalMs: 10, run: async () => void finished.push("next-in-tick") },
      ],
    });
    await firstStarted;
    const stopping = runner.stop();
    expect(runner.stopped).toBe(true);
    await stopping;
    // The job under way finished; nothing started after stop() was called.
    expect(finished).toEqual(["slow"]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(finished).toEqual(["slow"]);
  });
});
