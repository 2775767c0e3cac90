// Races a clinic really sees (issue: a same-slot race gave 500s on PostgreSQL, and one client's
// concurrent repeats made two holds). Holds for one therapist queue behind an advisory lock
// (lib/booking/booking-locks.ts), so a race ends as one booking and 409s, never a deadlock; one
// client's requests queue too, so repeats share one hold and one checkout; and a hold released
// while its checkout was still being opened gets that checkout closed.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type Stripe from "stripe";
import { prisma } from "@/lib/db";
import { prismaSql } from "@/lib/db/sql";
import { lockBookingParties } from "@/lib/booking/booking-locks";
import { createBooking, type CreatedBooking } from "@/lib/booking/create-booking";
import { clinicDayOf } from "@/lib/booking/find-bookable-slot";
import { getEnv } from "@/lib/env";
import { DomainError, InvalidTransition } from "@/lib/errors/domain-errors";
import { getStripe } from "@/lib/payments/stripe-client";
import { ENGINE } from "../support/db-setup";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";
import { CLEAR_INTAKE, clinicTimeAhead, createBookableService, createClient } from "../support/booking-scenario";

let harness: PaymentsHarness;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const ACTIVE = ["PENDING_PAYMENT", "CONFIRMED", "CHECKED_IN"] as const;

/**
 * Another booking change takes this therapist's place in the queue, on a connection of its own,
 * and keeps it until `release` is called (PostgreSQL only: PGlite has one connection).
 */
async function holdTherapistQueue(
  serviceSlug: string,
  therapistId: string,
  start: Date,
): Promise<{ release(): Promise<void> }> {
  const day = clinicDayOf(start, getEnv().CLINIC_TIME_ZONE);
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let taken = () => {};
  const queueTaken = new Promise<void>((resolve) => (taken = resolve));
  const holder = prisma.$transaction(
    async (tx) => {
      await lockBookingParties(prismaSql(tx), {
        clientId: "someone-else",
        serviceSlug,
        therapistDays: [{ therapistId, day }],
      });
      taken();
      await released;
    },
    { timeout: 20_000 },
  );
  await Promise.race([queueTaken, holder]);
  return {
    async release() {
      release();
      await holder;
    },
  };
}

/** Every Checkout Session created while `work` runs, by id. */
async function recordingSessions<T>(work: () => Promise<T>): Promise<{ result: T; sessionIds: string[] }> {
  const sessions = getStripe().checkout.sessions;
  const create = sessions.create.bind(sessions);
  const sessionIds: string[] = [];
  const spy = vi.spyOn(sessions, "create").mockImplementation((async (...args: Parameters<typeof create>) => {
    const session = await create(...args);
    sessionIds.push(session.id);
    return session;
  }) as typeof sessions.create);
  try {
    return { result: await work(), sessionIds };
  } finally {
    spy.mockRestore();
  }
}

describe(`booking races (${ENGINE})`, () => {
  it("gives one booking per slot when 10 clients each send 5 requests at once, 409 to the others, never an error", async () => {
    const { service } = await createBookableService({ therapists: 2 });
    for (let trial = 0; trial < 3; trial++) {
      const clients = await Promise.all(Array.from({ length: 10 }, () => createClient()));
      const start = clinicTimeAhead(3 + trial, 10);
      // Everyone asks for the same therapist's time: the race is on one exclusion range.
      const therapistId = (
        await prisma.therapist.findFirstOrThrow({ where: { services: { some: { serviceId: service.id } } } })
      ).id;
      const requests = clients.flatMap((client) =>
        Array.from({ length: 5 }, () => ({
          client,
          serviceSlug: service.slug,
          therapistId,
          start,
          intake: CLEAR_INTAKE,
        })),
      );
      const results = await Promise.allSettled(requests.map((request) => createBooking(request)));

      const won = results.flatMap((result, index) =>
        result.status === "fulfilled" ? [{ value: result.value, client: requests[index]!.client.id }] : [],
      );
      const lost = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
      for (const reason of lost) {
        expect(reason).toBeInstanceOf(DomainError);
        expect((reason as DomainError).kind).toBe("slot_taken");
      }
      // The winner's five requests all answer, with one booking and one checkout between them.
      const winners = new Set(won.map((entry) => entry.client));
      expect(winners.size).toBe(1);
      expect(won).toHaveLength(5);
      expect(new Set(won.map((entry) => entry.value.booking.id)).size).toBe(1);
      expect(new Set(won.map((entry) => entry.value.checkoutUrl)).size).toBe(1);
      expect(won.filter((entry) => !entry.value.reused)).toHaveLength(1);
      expect(lost).toHaveLength(45);

      const active = await prisma.booking.findMany({
        where: { serviceId: service.id, startsAt: start, status: { in: [...ACTIVE] } },
        include: { payments: true },
      });
      expect(active).toHaveLength(1);
      expect(active[0]!.payments).toHaveLength(1);
    }
  });

  it("gives one booking per therapist when 10 clients ask for any therapist at the same time, 409 to the others", async () => {
    const { service, therapists } = await createBookableService({ therapists: 2 });
    const clients = await Promise.all(Array.from({ length: 10 }, () => createClient()));
    const start = clinicTimeAhead(6, 11);
    const results = await Promise.allSettled(
      clients.map((client) => createBooking({ client, serviceSlug: service.slug, start, intake: CLEAR_INTAKE })),
    );
    // Each request is assigned before its transaction; whoever finds their therapist taken by then
    // is assigned again, so both therapists' times are booked and nobody gets an error.
    const won = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    for (const result of results) {
      if (result.status === "rejected") expect((result.reason as DomainError).kind).toBe("slot_taken");
    }
    expect(won).toHaveLength(2);
    const active = await prisma.booking.findMany({
      where: { serviceId: service.id, startsAt: start, status: { in: [...ACTIVE] } },
      select: { therapistId: true },
    });
    expect(active.map((row) => row.therapistId).sort()).toEqual(therapists.map((therapist) => therapist.id).sort());
  });

  it.skipIf(ENGINE === "pglite")(
    "queues a booking behind its therapist's changes on that day only (PostgreSQL: two connections)",
    async () => {
      const { service, therapists } = await createBookableService();
      const therapist = therapists[0]!;
      const queue = await holdTherapistQueue(service.slug, therapist.id, clinicTimeAhead(7, 9));
      const within = <T>(promise: Promise<T>, ms: number) =>
        Promise.race([
          promise.then(() => "done"),
          new Promise<string>((resolve) => setTimeout(() => resolve("still waiting"), ms)),
        ]);
      try {
        const otherDay = createBooking({
          client: await createClient(),
          serviceSlug: service.slug,
          therapistId: therapist.id,
          start: clinicTimeAhead(8, 9),
          intake: CLEAR_INTAKE,
        });
        expect(await within(otherDay, 1_500)).toBe("done");
        const sameDay = createBooking({
          client: await createClient(),
          serviceSlug: service.slug,
          therapistId: therapist.id,
          start: clinicTimeAhead(7, 14),
          intake: CLEAR_INTAKE,
        });
        expect(await within(sameDay, 1_000)).toBe("still waiting");
        await queue.release();
        expect((await sameDay).booking.status).toBe("PENDING_PAYMENT");
      } finally {
        await queue.release();
      }
    },
  );

  it.skipIf(ENGINE === "pglite")(
    "books any therapist without waiting for another therapist's queue (PostgreSQL: two connections)",
    async () => {
      const { service, therapists } = await createBookableService({ therapists: 2 });
      const busy = therapists[0]!;
      const free = therapists[1]!;
      // The busy therapist already has a visit that day, so "any therapist" goes to the other one.
      await createBooking({
        client: await createClient(),
        serviceSlug: service.slug,
        therapistId: busy.id,
        start: clinicTimeAhead(7, 9),
        intake: CLEAR_INTAKE,
      });
      // Another booking change holds the busy therapist's place in the queue, and keeps it.
      const queue = await holdTherapistQueue(service.slug, busy.id, clinicTimeAhead(7, 14));
      try {
        const booking = createBooking({
          client: await createClient(),
          serviceSlug: service.slug,
          start: clinicTimeAhead(7, 14),
          intake: CLEAR_INTAKE,
        });
        const outcome = await Promise.race([
          booking.then((made) => made.booking.therapist.id),
          new Promise<string>((resolve) => setTimeout(() => resolve("still waiting"), 1_500)),
        ]);
        expect(outcome).toBe(free.id);
      } finally {
        await queue.release();
      }
    },
  );

  it.skipIf(ENGINE === "pglite")(
    "waits its turn in a therapist's queue longer than the row-lock bound, then books (PostgreSQL)",
    async () => {
      const { service, therapists } = await createBookableService();
      const therapist = therapists[0]!;
      const queue = await holdTherapistQueue(service.slug, therapist.id, clinicTimeAhead(9, 10));
      // Whoever is ahead keeps the queue past DATABASE_LOCK_TIMEOUT_MS (a burst of bookings for one
      // therapist): the booking waits for its turn, bounded by the statement timeout, not by it.
      const { DATABASE_LOCK_TIMEOUT_MS, DATABASE_STATEMENT_TIMEOUT_MS } = getEnv();
      expect(DATABASE_STATEMENT_TIMEOUT_MS).toBeGreaterThan(DATABASE_LOCK_TIMEOUT_MS + 1_000);
      const booking = createBooking({
        client: await createClient(),
        serviceSlug: service.slug,
        therapistId: therapist.id,
        start: clinicTimeAhead(9, 10),
        intake: CLEAR_INTAKE,
      });
      await new Promise((resolve) => setTimeout(resolve, DATABASE_LOCK_TIMEOUT_MS + 500));
      await queue.release();
      const made = await booking;
      expect(made.booking.status).toBe("PENDING_PAYMENT");
      // The rest of the transaction had its row-lock bound back.
      const settings = await prisma.$transaction(async (tx) => {
        await lockBookingParties(prismaSql(tx), {
          clientId: "after",
          serviceSlug: service.slug,
          therapistDays: [
            { therapistId: therapist.id, day: clinicDayOf(clinicTimeAhead(9, 10), getEnv().CLINIC_TIME_ZONE) },
          ],
        });
        return tx.$queryRaw<{ setting: string }[]>`SELECT setting FROM pg_settings WHERE name = 'lock_timeout'`;
      });
      expect(settings[0]?.setting).toBe(String(DATABASE_LOCK_TIMEOUT_MS));
    },
  );

  it("keeps one live hold and one open checkout when one client asks for two times at once", async () => {
    const { service } = await createBookableService();
    for (let trial = 0; trial < 4; trial++) {
      const client = await createClient();
      const times = [clinicTimeAhead(8 + trial, 9), clinicTimeAhead(8 + trial, 13)];
      const { result: results, sessionIds } = await recordingSessions(() =>
        Promise.allSettled(
          [0, 1, 0, 1].map((index) =>
            createBooking({ client, serviceSlug: service.slug, start: times[index]!, intake: CLEAR_INTAKE }),
          ),
        ),
      );
      for (const result of results) {
        // A request whose hold a newer one replaced says so (409); nothing else may fail.
        if (result.status === "rejected") expect(result.reason).toBeInstanceOf(InvalidTransition);
      }
      const live = await prisma.booking.findMany({
        where: { clientId: client.id, status: "PENDING_PAYMENT" },
        include: { payments: true },
      });
      expect(live).toHaveLength(1);
      const liveSession = live[0]!.payments.find((payment) => payment.status === "PENDING")?.stripeCheckoutSessionId;
      expect(liveSession).toBeTruthy();
      // Every other checkout opened for this client is closed: it can take no money.
      for (const id of new Set(sessionIds)) {
        const session: Stripe.Checkout.Session = await getStripe().checkout.sessions.retrieve(id);
        expect(session.status).toBe(id === liveSession ? "open" : "expired");
      }
      const answered = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
      expect(answered.some((value: CreatedBooking) => value.booking.id === live[0]!.id)).toBe(true);
    }
  });

  it("closes the checkout of a hold released before its payment was recorded", async () => {
    const { service } = await createBookableService();
    const client = await createClient();
    const sessions = getStripe().checkout.sessions;
    const create = sessions.create.bind(sessions);
    let opened!: () => void;
    let resume!: () => void;
    const sessionOpened = new Promise<void>((resolve) => (opened = resolve));
    const resumed = new Promise<void>((resolve) => (resume = resolve));
    let firstSession: string | undefined;
    // The first request's checkout is created at Stripe, then its answer is delayed: meanwhile the
    // client's second request releases the first hold, which has no payment row yet.
    vi.spyOn(sessions, "create").mockImplementationOnce((async (...args: Parameters<typeof create>) => {
      const session = await create(...args);
      firstSession = session.id;
      opened();
      await resumed;
      return session;
    }) as typeof sessions.create);

    const first = createBooking({
      client,
      serviceSlug: service.slug,
      start: clinicTimeAhead(12, 9),
      intake: CLEAR_INTAKE,
    }).then(
      () => null,
      (error: unknown) => error,
    );
    await sessionOpened;
    const second = await createBooking({
      client,
      serviceSlug: service.slug,
      start: clinicTimeAhead(12, 14),
      intake: CLEAR_INTAKE,
    });
    resume();
    expect(await first).toBeInstanceOf(InvalidTransition);

    expect((await sessions.retrieve(firstSession!)).status).toBe("expired");
    const holds = await prisma.booking.findMany({ where: { clientId: client.id }, include: { payments: true } });
    expect(holds.map((hold) => hold.status).sort()).toEqual(["EXPIRED", "PENDING_PAYMENT"]);
    const released = holds.find((hold) => hold.status === "EXPIRED")!;
    expect(released.payments).toHaveLength(0);
    expect(holds.find((hold) => hold.id === second.booking.id)?.status).toBe("PENDING_PAYMENT");
  });
});
