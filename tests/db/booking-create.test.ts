// createBooking end to end on a real database and the Stripe emulator: holds, the race for one
// slot, repeats, and every reason a start can be refused.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { createBooking } from "@/lib/booking/create-booking";
import { DomainError } from "@/lib/errors/domain-errors";
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

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe(`createBooking (${ENGINE})`, () => {
  it("holds the slot as PENDING_PAYMENT and opens a 30-minute checkout for it", async () => {
    const { service, therapists } = await createBookableService();
    const client = await createClient();
    const start = clinicTimeAhead(3, 10);
    const result = await createBooking({ client, serviceSlug: service.slug, start, intake: CLEAR_INTAKE });

    expect(result.reused).toBe(false);
    expect(result.booking).toMatchObject({
      status: "PENDING_PAYMENT",
      startsAt: start.toISOString(),
      service: { slug: service.slug, name: service.name },
      therapist: { id: therapists[0]?.id },
      priceCents: service.priceCents,
      amountPaidCents: 0,
    });
    expect(result.checkoutUrl).toMatch(new RegExp(`^${harness.emulator.url}/checkout/cs_test_`));
    // The client is told when the checkout closes: the 30-minute hold, give or take the margin.
    const closesInMinutes = (Date.parse(result.booking.holdExpiresAt as string) - Date.now()) / 60_000;
    expect(closesInMinutes).toBeGreaterThan(30);
    expect(closesInMinutes).toBeLessThanOrEqual(31);
    const row = await prisma.booking.findUniqueOrThrow({
      where: { id: result.booking.id },
      include: { payments: true },
    });
    expect(row.intake).toEqual(CLEAR_INTAKE);
    expect(row.blockedUntil.getTime() - row.endsAt.getTime()).toBe(15 * 60_000);
    expect(row.holdExpiresAt!.getTime() - Date.now()).toBeGreaterThan(29 * 60_000);
    expect(row.payments).toHaveLength(1);
    expect(row.payments[0]).toMatchObject({ status: "PENDING", amountCents: service.priceCents });
  });

  it("gives exactly one of 50 simultaneous requests for one slot, and 409 to the rest", async () => {
    const { service } = await createBookableService();
    const clients = await Promise.all(Array.from({ length: 50 }, () => createClient()));
    const start = clinicTimeAhead(4, 11);
    const results = await Promise.allSettled(
      clients.map((client) => createBooking({ client, serviceSlug: service.slug, start, intake: CLEAR_INTAKE })),
    );
    const won = results.filter((result) => result.status === "fulfilled");
    const lost = results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(49);
    for (const failure of lost) expect((failure.reason as DomainError).kind).toBe("slot_taken");
    const active = await prisma.booking.count({
      where: { serviceId: service.id, status: { in: ["PENDING_PAYMENT", "CONFIRMED", "CHECKED_IN"] } },
    });
    expect(active).toBe(1);
  });

  it("books back-to-back visits: the next may start when the previous buffer ends", async () => {
    const { service } = await createBookableService({ durationMinutes: 45 });
    const first = clinicTimeAhead(5, 9);
    const second = new Date(first.getTime() + 60 * 60_000); // 45 min + 15 min buffer
    const [a, b] = await Promise.all([
      createBooking({ client: await createClient(), serviceSlug: service.slug, start: first, intake: CLEAR_INTAKE }),
      createBooking({ client: await createClient(), serviceSlug: service.slug, start: second, intake: CLEAR_INTAKE }),
    ]);
    expect(a.booking.status).toBe("PENDING_PAYMENT");
    expect(b.booking.status).toBe("PENDING_PAYMENT");
    const insideBuffer = new Date(first.getTime() + 45 * 60_000);
    const error = await refusal(
      createBooking({
        client: await createClient(),
        serviceSlug: service.slug,
        start: insideBuffer,
        intake: CLEAR_INTAKE,
      }),
    );
    expect(error.kind).toBe("slot_taken");
  });

  it("answers a repeat of a live request with the same booking and checkout, not a 409", async () => {
    const { service } = await createBookableService();
    const client = await createClient();
    const request = { client, serviceSlug: service.slug, start: clinicTimeAhead(6, 14), intake: CLEAR_INTAKE };
    const first = await createBooking(request);
    const [again, concurrent] = await Promise.all([createBooking(request), createBooking(request)]);
    for (const repeat of [again, concurrent]) {
      expect(repeat.reused).toBe(true);
      expect(repeat.booking.id).toBe(first.booking.id);
      expect(repeat.checkoutUrl).toBe(first.checkoutUrl);
    }
    expect(await prisma.payment.count({ where: { bookingId: first.booking.id } })).toBe(1);
  });

  it("treats a lapsed, unswept hold as free, and expires it", async () => {
    const { service } = await createBookableService();
    const start = clinicTimeAhead(7, 10);
    const stale = await createBooking({
      client: await createClient(),
      serviceSlug: service.slug,
      start,
      intake: CLEAR_INTAKE,
    });
    await prisma.booking.update({
      where: { id: stale.booking.id },
      data: { holdExpiresAt: new Date(Date.now() - 1000) },
    });
    const fresh = await createBooking({
      client: await createClient(),
      serviceSlug: service.slug,
      start,
      intake: CLEAR_INTAKE,
    });
    expect(fresh.booking.id).not.toBe(stale.booking.id);
    const old = await prisma.booking.findUniqueOrThrow({
      where: { id: stale.booking.id },
      include: { payments: true },
    });
    expect(old.status).toBe("EXPIRED");
    expect(old.payments[0]?.status).toBe("EXPIRED");
  });

  it("assigns 'any therapist' to whoever has fewer bookings that day", async () => {
    const { service, therapists } = await createBookableService({ therapists: 2 });
    const first = await createBooking({
      client: await createClient(),
      serviceSlug: service.slug,
      start: clinicTimeAhead(8, 9),
      intake: CLEAR_INTAKE,
    });
    const second = await createBooking({
      client: await createClient(),
      serviceSlug: service.slug,
      start: clinicTimeAhead(8, 13),
      intake: CLEAR_INTAKE,
    });
    expect(new Set([first.booking.therapist.id, second.booking.therapist.id])).toEqual(
      new Set(therapists.map((therapist) => therapist.id)),
    );
  });

  it("stops at a red flag with nothing held and no answers stored", async () => {
    const { service } = await createBookableService();
    const client = await createClient();
    const error = await refusal(
      createBooking({
        client,
        serviceSlug: service.slug,
        start: clinicTimeAhead(3, 15),
        intake: { ...CLEAR_INTAKE, answers: { ...CLEAR_INTAKE.answers, suddenPainOrSwelling: true } },
      }),
    );
    expect(error.kind).toBe("intake_blocked");
    expect(error.message).toMatch(/doctor/);
    expect(await prisma.booking.count({ where: { clientId: client.id } })).toBe(0);
    const audit = await prisma.auditLog.findMany({ where: { entityId: client.id, action: "booking.intake_blocked" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.data).toBeNull();
  });

  it.each([
    ["in the past", () => new Date(Date.now() - 60 * 60_000), /passed/],
    ["inside the notice", () => new Date(Math.ceil((Date.now() + 30 * 60_000) / 900_000) * 900_000), /notice/],
    ["off the grid", () => clinicTimeAhead(3, 10, 7), /every 15 minutes/],
    ["beyond the horizon", () => clinicTimeAhead(61, 10), /60 days/],
  ])("refuses a start %s with a reason (422)", async (_label, start, reason) => {
    const { service } = await createBookableService();
    const error = await refusal(
      createBooking({ client: await createClient(), serviceSlug: service.slug, start: start(), intake: CLEAR_INTAKE }),
    );
    expect(error.kind).toBe("unprocessable");
    expect(error.message).toMatch(reason);
    expect(await prisma.booking.count({ where: { serviceId: service.id } })).toBe(0);
  });

  it("refuses a start outside the therapist's hours (422)", async () => {
    const { service, therapists } = await createBookableService();
    await prisma.workingHours.updateMany({
      where: { therapistId: therapists[0]?.id },
      data: { startMinute: 9 * 60, endMinute: 17 * 60 },
    });
    const error = await refusal(
      createBooking({
        client: await createClient(),
        serviceSlug: service.slug,
        start: clinicTimeAhead(3, 20),
        intake: CLEAR_INTAKE,
      }),
    );
    expect(error.kind).toBe("unprocessable");
    expect(error.message).toMatch(/opening hours/);
  });

  it("gives 404 for an unknown service or a therapist who does not offer it", async () => {
    const { service } = await createBookableService();
    const other = await createBookableService();
    const start = clinicTimeAhead(3, 10);
    const client = await createClient();
    expect(
      (await refusal(createBooking({ client, serviceSlug: "no-such-service", start, intake: CLEAR_INTAKE }))).kind,
    ).toBe("not_found");
    // Whatever the time asked for, even one long past.
    const past = new Date("2020-01-07T15:00:00Z");
    expect(
      (await refusal(createBooking({ client, serviceSlug: "no-such-service", start: past, intake: CLEAR_INTAKE })))
        .kind,
    ).toBe("not_found");
    const wrongTherapist = other.therapists[0]?.id;
    expect(
      (
        await refusal(
          createBooking({
            client,
            serviceSlug: service.slug,
            therapistId: wrongTherapist,
            start,
            intake: CLEAR_INTAKE,
          }),
        )
      ).kind,
    ).toBe("not_found");
  });

  it("keeps one unpaid hold per client: a new time releases the earlier one and closes its checkout", async () => {
    const { service } = await createBookableService();
    const client = await createClient();
    const first = await createBooking({
      client,
      serviceSlug: service.slug,
      start: clinicTimeAhead(9, 9),
      intake: CLEAR_INTAKE,
    });
    const second = await createBooking({
      client,
      serviceSlug: service.slug,
      start: clinicTimeAhead(9, 11),
      intake: CLEAR_INTAKE,
    });
    const holds = await prisma.booking.findMany({
      where: { clientId: client.id },
      select: { id: true, status: true, payments: { select: { status: true, stripeCheckoutSessionId: true } } },
    });
    expect(holds.find((hold) => hold.id === first.booking.id)?.status).toBe("EXPIRED");
    expect(holds.find((hold) => hold.id === second.booking.id)?.status).toBe("PENDING_PAYMENT");
    const releasedSession = holds.find((hold) => hold.id === first.booking.id)?.payments[0]?.stripeCheckoutSessionId;
    const { getStripe } = await import("@/lib/payments/stripe-client");
    expect((await getStripe().checkout.sessions.retrieve(releasedSession as string)).status).toBe("expired");
  });

  it("lets a client move their hold to an overlapping time with the same therapist", async () => {
    const { service, therapists } = await createBookableService();
    const client = await createClient();
    const therapistId = therapists[0]?.id;
    await createBooking({
      client,
      serviceSlug: service.slug,
      therapistId,
      start: clinicTimeAhead(9, 14),
      intake: CLEAR_INTAKE,
    });
    const moved = await createBooking({
      client,
      serviceSlug: service.slug,
      therapistId,
      start: clinicTimeAhead(9, 14, 30),
      intake: CLEAR_INTAKE,
    });
    expect(moved.booking.startsAt).toBe(clinicTimeAhead(9, 14, 30).toISOString());
  });

  it("keeps the latest health answers when a client repeats a request after correcting them", async () => {
    const { service } = await createBookableService();
    const client = await createClient();
    const request = { client, serviceSlug: service.slug, start: clinicTimeAhead(12, 10), intake: CLEAR_INTAKE };
    const first = await createBooking(request);
    const corrected = {
      ...CLEAR_INTAKE,
      answers: { ...CLEAR_INTAKE.answers, pregnantOrPostpartum: true, gaveBirthRecently: false },
      medications: "iron supplement",
    };
    const again = await createBooking({ ...request, intake: corrected });
    expect(again.booking.id).toBe(first.booking.id);
    const row = await prisma.booking.findUniqueOrThrow({ where: { id: first.booking.id }, select: { intake: true } });
    expect(row.intake).toEqual(corrected);
    const audit = await prisma.auditLog.findMany({
      where: { entityId: first.booking.id, action: "booking.intake_updated" },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]?.data).toBeNull();
  });

  it("stops a client who hammers the booking endpoint", async () => {
    const { service } = await createBookableService();
    const client = await createClient();
    const { BOOKING_ATTEMPTS_LIMIT } = await import("@/lib/booking/create-booking");
    const { hitRateLimit } = await import("@/lib/rate-limit/rate-limit");
    for (let attempt = 0; attempt < BOOKING_ATTEMPTS_LIMIT.limit; attempt++) {
      await hitRateLimit(`booking:client:${client.id}`, BOOKING_ATTEMPTS_LIMIT);
    }
    const error = await refusal(
      createBooking({ client, serviceSlug: service.slug, start: clinicTimeAhead(13, 10), intake: CLEAR_INTAKE }),
    );
    expect(error.message).toMatch(/many times/);
    expect(await prisma.booking.count({ where: { clientId: client.id } })).toBe(0);
  });

  it("leaves an earlier hold and its open checkout alone when a repeat cannot reach Stripe", async () => {
    const { service } = await createBookableService();
    const client = await createClient();
    const request = { client, serviceSlug: service.slug, start: clinicTimeAhead(14, 10), intake: CLEAR_INTAKE };
    const first = await createBooking(request);
    const { getStripe } = await import("@/lib/payments/stripe-client");
    const sessions = getStripe().checkout.sessions;
    const outage = vi.spyOn(sessions, "retrieve").mockRejectedValueOnce(new Error("connect ETIMEDOUT"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const error = await refusal(createBooking(request));
      expect(error.kind).toBe("payments_unavailable");
      expect(logged).toHaveBeenCalled();
    } finally {
      outage.mockRestore();
      logged.mockRestore();
    }
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: first.booking.id } })).status).toBe(
      "PENDING_PAYMENT",
    );
    const again = await createBooking(request);
    expect(again.checkoutUrl).toBe(first.checkoutUrl);
  });
});
