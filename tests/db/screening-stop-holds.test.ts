// After a screening stop nothing stays held or payable; the stop is said whatever the throttle; a
// start no schedule could hold is a 422 before any read; a desk booking's repeat keeps the latest
// answers. Each of these failed before its fix (review of issue #17).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { BOOKING_ATTEMPTS_LIMIT, createBooking } from "@/lib/booking/create-booking";
import { recordScreeningStop } from "@/lib/booking/record-screening-stop";
import { DomainError, IntakeBlocked } from "@/lib/errors/domain-errors";
import { retrieveCheckoutSession } from "@/lib/payments/checkout";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";
import { ENGINE } from "../support/db-setup";
import { createUser } from "../support/factories";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";
import { CLEAR_INTAKE, clinicTimeAhead, createBookableService, createClient } from "../support/booking-scenario";

let harness: PaymentsHarness;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});

const withAnswers = (answers: Record<string, boolean>) => ({
  ...CLEAR_INTAKE,
  answers: { ...CLEAR_INTAKE.answers, ...answers },
});
const CHEST_PAIN = withAnswers({ chestPainOrBreathlessness: true });

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error("expected a refusal");
    },
    (caught: unknown) => caught,
  );
}

async function holdFor(client: { id: string; email: string }, daysAhead: number) {
  const { service } = await createBookableService();
  const held = await createBooking({
    client,
    serviceSlug: service.slug,
    start: clinicTimeAhead(daysAhead, 10),
    intake: CLEAR_INTAKE,
  });
  return { service, held, sessionId: held.checkoutUrl.split("/").pop() as string };
}

async function expectReleased(bookingId: string, sessionId: string) {
  const row = await prisma.booking.findUniqueOrThrow({ where: { id: bookingId }, include: { payments: true } });
  expect(row.status).toBe("EXPIRED");
  expect(row.payments.map((payment) => payment.status)).toEqual(["EXPIRED"]);
  expect((await retrieveCheckoutSession(sessionId)).status).toBe("expired");
  expect(
    await prisma.auditLog.count({
      where: {
        entityId: bookingId,
        action: "booking.hold_released",
        data: { path: ["reason"], equals: "screening_stop" },
      },
    }),
  ).toBe(1);
}

describe(`after a screening stop (${ENGINE})`, () => {
  it("releases the client's earlier hold and closes its checkout when the API is told of a red flag", async () => {
    const client = await createClient();
    const { service, held, sessionId } = await holdFor(client, 3);
    const stopped = await refusal(
      createBooking({ client, serviceSlug: service.slug, start: clinicTimeAhead(4, 10), intake: CHEST_PAIN }),
    );
    expect(stopped).toBeInstanceOf(IntakeBlocked);
    expect((stopped as IntakeBlocked).urgency).toBe("emergency");
    await expectReleased(held.booking.id, sessionId);
    expect(await prisma.auditLog.count({ where: { entityId: client.id, action: "booking.intake_blocked" } })).toBe(1);
  });

  it("releases it too when the booking page reports a stop made in the browser", async () => {
    const client = await createClient();
    const { held, sessionId } = await holdFor(client, 5);
    await recordScreeningStop({ userId: client.id, clientIp: `198.51.100.${Math.floor(Math.random() * 200)}` });
    await expectReleased(held.booking.id, sessionId);
  });

  it("tells a client to call 911 even after the booking throttle has run out", async () => {
    const client = await createClient();
    const { service } = await createBookableService();
    for (let attempt = 0; attempt < BOOKING_ATTEMPTS_LIMIT.limit; attempt++) {
      await hitRateLimit(`booking:client:${client.id}`, BOOKING_ATTEMPTS_LIMIT);
    }
    const stopped = await refusal(
      createBooking({ client, serviceSlug: service.slug, start: clinicTimeAhead(3, 11), intake: CHEST_PAIN }),
    );
    expect(stopped).toBeInstanceOf(IntakeBlocked);
    expect((stopped as Error).message).toMatch(/911/);
  });

  it.each(["0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2001-01-01T10:00:00Z"])(
    "answers a start of %s with a field error, not a 500",
    async (start) => {
      const client = await createClient();
      const { service } = await createBookableService();
      const refused = await refusal(
        createBooking({ client, serviceSlug: service.slug, start: new Date(start), intake: CLEAR_INTAKE }),
      );
      expect(refused).toBeInstanceOf(DomainError);
      expect(refused).toMatchObject({ kind: "unprocessable", fields: { start: [expect.any(String)] } });
    },
  );

  it("keeps the corrected answers when staff repeat a desk booking", async () => {
    const { service, therapists } = await createBookableService();
    const admin = await createUser({ role: "ADMIN" });
    const client = await createClient();
    const request = {
      client,
      serviceSlug: service.slug,
      therapistId: therapists[0]!.id,
      start: clinicTimeAhead(6, 10),
      bookedBy: { id: admin.id, role: "ADMIN" as const },
      payment: "desk" as const,
    };
    const first = await createBooking({ ...request, intake: CLEAR_INTAKE });
    const corrected = withAnswers({ clotHistory: true, bloodThinnerOrBleeding: true });
    const again = await createBooking({ ...request, intake: corrected });
    expect(again).toMatchObject({ reused: true, booking: { id: first.booking.id } });
    const row = await prisma.booking.findUniqueOrThrow({ where: { id: first.booking.id } });
    expect(row.intake).toEqual(corrected);
    expect(
      await prisma.auditLog.count({ where: { entityId: first.booking.id, action: "booking.intake_updated" } }),
    ).toBe(1);
    // The same answers a third time change nothing and say nothing.
    await createBooking({ ...request, intake: corrected });
    expect(
      await prisma.auditLog.count({ where: { entityId: first.booking.id, action: "booking.intake_updated" } }),
    ).toBe(1);
  });

  it("lets a client with a doctor's go-ahead on file book for that condition, until it lapses or is revoked", async () => {
    const client = await createClient();
    const { service } = await createBookableService();
    const staff = await createUser({ role: "ADMIN" });
    const postpartum = withAnswers({ pregnantOrPostpartum: true, gaveBirthRecently: true });
    const book = (daysAhead: number) =>
      createBooking({ client, serviceSlug: service.slug, start: clinicTimeAhead(daysAhead, 9), intake: postpartum });

    const before = await refusal(book(7));
    expect(before).toMatchObject({ urgency: "clearance" });

    const day = 86_400_000;
    const clearance = await prisma.doctorClearance.create({
      data: {
        clientId: client.id,
        questionId: "gaveBirthRecently",
        clearedBy: "Dr. Rivera, Atlantic OB-GYN",
        clearedOn: new Date(Date.now() - day),
        validUntil: new Date(Date.now() + 90 * day),
        recordedById: staff.id,
      },
    });
    const held = await book(8);
    expect(held.booking.status).toBe("PENDING_PAYMENT");

    // A go-ahead for one condition clears nothing else.
    const alsoWalkingPain = await refusal(
      createBooking({
        client,
        serviceSlug: service.slug,
        start: clinicTimeAhead(9, 9),
        intake: withAnswers({ pregnantOrPostpartum: true, gaveBirthRecently: true, walkingPain: true }),
      }),
    );
    expect(alsoWalkingPain).toMatchObject({ urgency: "clearance" });

    await prisma.doctorClearance.update({ where: { id: clearance.id }, data: { revokedAt: new Date() } });
    expect(await refusal(book(10))).toMatchObject({ urgency: "clearance" });
  });
});
