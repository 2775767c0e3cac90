// Booking on a client's behalf (a phone booking), on a real database and the Stripe emulator: staff
// find or create the client (one account per email), the screening stops a red flag before anything
// is held, a payment link holds the time for up to a day and emails the checkout the emulator then
// pays, "pay at the desk" confirms at once and takes its payment once, a desk refund never calls
// Stripe, and a therapist books only into their own schedule.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { confirmPaymentLinkReturn } from "@/lib/booking/confirm-payment-link-return";
import { createBooking } from "@/lib/booking/create-booking";
import { PAYMENT_LINK_HOLD_MINUTES } from "@/lib/booking/payment-link";
import { prisma } from "@/lib/db";
import { IntakeBlocked, InvalidTransition, NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import { recordDeskPayment } from "@/lib/payments/record-desk-payment";
import { findOrCreatePhoneClient } from "@/lib/clients/phone-client";
import { openLastIntakeForPhoneBooking } from "@/lib/clients/phone-client-last-intake";
import { readPhoneIntake } from "@/lib/clients/phone-intake";
import { allQuestions, CURRENT_QUESTIONNAIRE, QUESTIONNAIRE_V1 } from "@/lib/clinical/questionnaire";
import { CLEAR_INTAKE, clinicTimeAhead, createBookableService, uniqueLabel } from "../support/booking-scenario";
import { ENGINE } from "../support/db-setup";
import { createUser } from "../support/factories";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";
import { caught } from "../support/staff-scenario";

let harness: PaymentsHarness;
let dayOffset = 12;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});

async function phoneScenario() {
  const bookable = await createBookableService({ therapists: 2 });
  const admin = await createUser({ role: "ADMIN" });
  const label = uniqueLabel();
  const { client } = await findOrCreatePhoneClient(admin.id, {
    name: `Pat Caller ${label}`,
    email: `pat-${label}@example.test`,
    phone: "(555) 010-0199",
  });
  const [own, other] = bookable.therapists as [(typeof bookable.therapists)[0], (typeof bookable.therapists)[0]];
  return {
    ...bookable,
    client,
    admin: { id: admin.id, role: "ADMIN" as const },
    therapist: { id: own.userId, role: "THERAPIST" as const },
    own,
    other,
    start: clinicTimeAhead(dayOffset++, 10),
  };
}

describe(`phone bookings (${ENGINE})`, () => {
  it("creates a client without a password, and an email already in use picks that client instead", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const label = uniqueLabel();
    const created = await findOrCreatePhoneClient(admin.id, {
      name: "Sam Phone",
      email: `sam-${label}@example.test`,
      phone: "555 010 0142",
    });
    expect(created.existing).toBe(false);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: created.client.id } });
    expect(row).toMatchObject({ role: "CLIENT", passwordHash: null, phone: "555 010 0142", name: "Sam Phone" });

    const again = await findOrCreatePhoneClient(admin.id, {
      name: "Samuel Someone Else",
      email: `sam-${label}@example.test`,
      phone: "555 999 0000",
    });
    expect(again).toEqual({ existing: true, client: created.client });
    expect(await prisma.user.count({ where: { email: `sam-${label}@example.test` } })).toBe(1);
    expect(
      await prisma.auditLog.count({ where: { entityId: created.client.id, action: "client.created_by_staff" } }),
    ).toBe(1);

    const staffEmail = (await createUser({ role: "THERAPIST" })).email;
    const refused = await caught(
      findOrCreatePhoneClient(admin.id, { name: "X", email: staffEmail, phone: "5550100000" }),
    );
    expect(refused).toBeInstanceOf(Unprocessable);
  });

  it("holds the time with a payment link emailed once, and the paid checkout confirms it", async () => {
    const { client, admin, own, service, start } = await phoneScenario();
    const request = {
      client,
      serviceSlug: service.slug,
      therapistId: own.id,
      start,
      intake: CLEAR_INTAKE,
      bookedBy: admin,
    };
    const before = Date.now();
    const first = await createBooking(request);
    // A double click: the same hold and checkout, no second message.
    const second = await createBooking(request);
    expect(second).toMatchObject({ reused: true, checkoutUrl: first.checkoutUrl, booking: { id: first.booking.id } });

    const row = await prisma.booking.findUniqueOrThrow({ where: { id: first.booking.id } });
    expect(row).toMatchObject({ status: "PENDING_PAYMENT", bookedById: admin.id, payAtDesk: false });
    // Much longer than a client's own 30-minute checkout: up to a day, for the client to open their email.
    const holdMinutes = ((row.holdExpiresAt as Date).getTime() - before) / 60_000;
    expect(holdMinutes).toBeGreaterThan(PAYMENT_LINK_HOLD_MINUTES);
    expect(holdMinutes).toBeLessThan(24 * 60);

    const messages = await prisma.emailOutbox.findMany({ where: { bookingId: row.id } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ template: "booking-payment-link", toAddress: client.email });
    expect(messages[0]?.text).toContain(first.checkoutUrl);

    harness.emulator.pay(first.checkoutUrl.split("/").pop() as string);
    await harness.emulator.waitForWebhooks();
    const paid = await prisma.booking.findUniqueOrThrow({
      where: { id: row.id },
      select: { status: true, payments: { select: { status: true, method: true, amountCents: true } } },
    });
    expect(paid).toEqual({
      status: "CONFIRMED",
      payments: [{ status: "SUCCEEDED", method: "STRIPE_CHECKOUT", amountCents: service.priceCents }],
    });
    expect(await prisma.auditLog.count({ where: { entityId: row.id, action: "booking.payment_link_sent" } })).toBe(1);
  });

  it("confirms a paid link on its return page too, answering only for a phone booking's session", async () => {
    const { client, admin, own, service, start } = await phoneScenario();
    const held = await createBooking({
      client,
      serviceSlug: service.slug,
      therapistId: own.id,
      start,
      intake: CLEAR_INTAKE,
      bookedBy: admin,
    });
    const sessionId = held.checkoutUrl.split("/").pop() as string;
    expect(await confirmPaymentLinkReturn(sessionId)).toBe("pending");
    harness.emulator.pay(sessionId);
    // Before or after the webhook, the answer is the same, and the booking is confirmed once.
    expect(await confirmPaymentLinkReturn(sessionId)).toBe("confirmed");
    await harness.emulator.waitForWebhooks();
    expect(await confirmPaymentLinkReturn(sessionId)).toBe("confirmed");
    expect(await prisma.auditLog.count({ where: { entityId: held.booking.id, action: "booking.confirmed" } })).toBe(1);
    expect(await confirmPaymentLinkReturn("cs_test_not_ours")).toBe("unknown");
  });

  it("confirms a pay-at-desk booking at once, takes its desk payment once, and refunds it without Stripe", async () => {
    const { client, therapist, own, service, start } = await phoneScenario();
    const request = {
      client,
      serviceSlug: service.slug,
      therapistId: own.id,
      start,
      intake: CLEAR_INTAKE,
      bookedBy: therapist,
      payment: "desk" as const,
    };
    const booked = await createBooking(request);
    expect(booked).toMatchObject({
      checkoutUrl: null,
      reused: false,
      booking: { status: "CONFIRMED", amountPaidCents: 0 },
    });
    expect(await createBooking(request)).toMatchObject({ reused: true, booking: { id: booked.booking.id } });
    const row = await prisma.booking.findUniqueOrThrow({
      where: { id: booked.booking.id },
      include: { payments: true },
    });
    expect(row).toMatchObject({ payAtDesk: true, bookedById: therapist.id, holdExpiresAt: null, payments: [] });
    const messages = await prisma.emailOutbox.findMany({ where: { bookingId: row.id } });
    expect(messages.map((message) => [message.template, message.dedupeKey])).toEqual([
      ["booking-confirmed", `booking-confirmed:${row.id}`],
    ]);
    expect(messages[0]?.text).toMatch(/at the clinic.s desk/);

    // Two staff press "Record payment at the desk" at once: one payment.
    const outcomes = await Promise.allSettled([
      recordDeskPayment({ bookingId: row.id, actor: therapist }),
      recordDeskPayment({ bookingId: row.id, actor: therapist }),
    ]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(InvalidTransition);
    const payments = await prisma.payment.findMany({ where: { bookingId: row.id } });
    expect(payments).toEqual([
      expect.objectContaining({
        method: "DESK",
        status: "SUCCEEDED",
        amountCents: service.priceCents,
        stripeCheckoutSessionId: null,
        stripePaymentIntentId: null,
      }),
    ]);

    // The client cannot cancel it online: the money went over the desk and comes back the same way.
    const online = await caught(cancelBooking({ bookingId: row.id, actor: { id: client.id, role: "CLIENT" } }));
    expect(online).toBeInstanceOf(Unprocessable);
    expect((online as Unprocessable).message).toMatch(/call us to cancel/);
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: row.id } })).status).toBe("CONFIRMED");
    expect(await prisma.refund.count({ where: { paymentId: payments[0]?.id } })).toBe(0);

    const eventsBefore = harness.emulator.events().length;
    const cancelled = await cancelBooking({ bookingId: row.id, actor: therapist, reason: "Client called" });
    expect(cancelled).toMatchObject({
      refundCents: service.priceCents,
      booking: { status: "CANCELLED", amountRefundedCents: service.priceCents },
    });
    const refunds = await prisma.refund.findMany({ where: { paymentId: payments[0]?.id } });
    expect(refunds).toEqual([expect.objectContaining({ status: "SUCCEEDED", stripeRefundId: null })]);
    expect((await prisma.payment.findUniqueOrThrow({ where: { id: payments[0]?.id } })).status).toBe("REFUNDED");
    expect(harness.emulator.events().length).toBe(eventsBefore);
    expect(await prisma.auditLog.count({ where: { entityId: payments[0]?.id, action: "refund.desk_recorded" } })).toBe(
      1,
    );
  });

  it("refuses a red flag with the see-a-doctor guidance, holding and charging nothing", async () => {
    const { client, admin, own, service, start } = await phoneScenario();
    for (const payment of ["checkout", "desk"] as const) {
      const refused = await caught(
        createBooking({
          client,
          serviceSlug: service.slug,
          therapistId: own.id,
          start,
          intake: { ...CLEAR_INTAKE, answers: { ...CLEAR_INTAKE.answers, suddenPainOrSwelling: true } },
          bookedBy: admin,
          payment: payment as "desk",
        }),
      );
      expect(refused).toBeInstanceOf(IntakeBlocked);
      expect((refused as IntakeBlocked).message).toMatch(/doctor today/);
    }
    expect(await prisma.booking.count({ where: { clientId: client.id } })).toBe(0);
    expect(await prisma.emailOutbox.count({ where: { toAddress: client.email } })).toBe(0);
    expect(await prisma.auditLog.count({ where: { actorId: admin.id, action: "booking.intake_blocked" } })).toBe(2);
  });

  it("lets a therapist book only into their own schedule", async () => {
    const { client, therapist, other, service, start } = await phoneScenario();
    for (const payment of ["checkout", "desk"] as const) {
      const refused = await caught(
        createBooking({
          client,
          serviceSlug: service.slug,
          therapistId: other.id,
          start,
          intake: CLEAR_INTAKE,
          bookedBy: therapist,
          payment: payment as "desk",
        }),
      );
      expect(refused).toBeInstanceOf(NotFound);
    }
    // "Any therapist" is not theirs to choose either.
    expect(
      await caught(
        createBooking({ client, serviceSlug: service.slug, start, intake: CLEAR_INTAKE, bookedBy: therapist }),
      ),
    ).toBeInstanceOf(NotFound);
    expect(await prisma.booking.count({ where: { clientId: client.id } })).toBe(0);
  });

  // The staff form posts "yes"/"no" per question id, as the radios of YesNoQuestion do.
  const phoneForm = (answers: Record<string, "yes" | "no">) => {
    const form = new FormData();
    for (const question of CURRENT_QUESTIONNAIRE.questions) form.set(question.id, "no");
    for (const [id, value] of Object.entries(answers)) form.set(id, value);
    return form;
  };

  it("reads the phone form with the questionnaire's rules: follow-ups after a yes, unknown fields ignored", async () => {
    const clear = readPhoneIntake(phoneForm({}));
    expect(clear).toEqual({ success: true, data: CLEAR_INTAKE });
    const missingFollowUp = readPhoneIntake(phoneForm({ varicoseVeins: "yes" }));
    expect(missingFollowUp.success).toBe(false);
    expect(!missingFollowUp.success && Object.keys(missingFollowUp.fieldErrors)).toEqual(["veinHardPainful"]);
    const form = phoneForm({});
    form.delete("coldPaleFoot");
    form.set("cancer", "maybe");
    const missing = readPhoneIntake(form);
    expect(!missing.success && Object.keys(missing.fieldErrors).sort()).toEqual(["cancer", "coldPaleFoot"]);
    // A follow-up "no" sent after a "no" is not kept; a "yes" there is refused, never dropped.
    const dropped = readPhoneIntake(phoneForm({ clotRecent: "no" }));
    expect(dropped.success && dropped.data.answers).toEqual(CLEAR_INTAKE.answers);
    const orphan = readPhoneIntake(phoneForm({ clotRecent: "yes" }));
    expect(!orphan.success && Object.keys(orphan.fieldErrors)).toEqual(["clotRecent"]);
    expect(allQuestions().length).toBeGreaterThan(CURRENT_QUESTIONNAIRE.questions.length);
  });

  it.each([
    [{ varicoseVeins: "yes", veinHardPainful: "yes" }, "same_day", /doctor today/],
    [{ pregnantOrPostpartum: "yes", gaveBirthRecently: "yes" }, "clearance", /go-ahead/],
    [{ feverOrUnwell: "yes" }, "reschedule", /48 hours without a fever/],
    [{ coldPaleFoot: "yes" }, "emergency", /911/],
  ] as const)(
    "stops a phone booking of %o (%s) like the online one, holding nothing",
    async (answers, outcome, words) => {
      const { client, admin, own, service, start } = await phoneScenario();
      const intake = readPhoneIntake(phoneForm(answers));
      expect(intake.success).toBe(true);
      const refused = await caught(
        createBooking({
          client,
          serviceSlug: service.slug,
          therapistId: own.id,
          start,
          intake: (intake as { data: typeof CLEAR_INTAKE }).data,
          bookedBy: admin,
          payment: "desk",
        }),
      );
      expect(refused).toBeInstanceOf(IntakeBlocked);
      expect((refused as IntakeBlocked).urgency).toBe(outcome);
      expect((refused as IntakeBlocked).message).toMatch(words);
      expect(await prisma.booking.count({ where: { clientId: client.id } })).toBe(0);
    },
  );

  it("books a caution by phone and shows a returning client's last answers (under 6 months), auditing the view", async () => {
    const { client, admin, own, service, start } = await phoneScenario();
    const intake = readPhoneIntake(phoneForm({ recentLongTrip: "yes" }));
    expect(intake.success).toBe(true);
    const booked = await createBooking({
      client,
      serviceSlug: service.slug,
      therapistId: own.id,
      start,
      intake: (intake as { data: typeof CLEAR_INTAKE }).data,
      bookedBy: admin,
      payment: "desk",
    });
    const viewer = { userId: admin.id, role: admin.role, therapistId: null };
    const last = await openLastIntakeForPhoneBooking(viewer, client.id);
    expect(last?.bookingId).toBe(booked.booking.id);
    expect(last?.intake.answers.recentLongTrip).toBe(true);
    const audit = await prisma.auditLog.findMany({
      where: { actorId: admin.id, action: "booking.intake_viewed", entityId: booked.booking.id },
    });
    expect(audit).toHaveLength(1);
    // Opened again on the same page (another day or time chosen): not a second view in the log.
    expect((await openLastIntakeForPhoneBooking(viewer, client.id))?.bookingId).toBe(booked.booking.id);
    expect(
      await prisma.auditLog.count({
        where: { actorId: admin.id, action: "booking.intake_viewed", entityId: booked.booking.id },
      }),
    ).toBe(1);

    // Seven months on, the answers are asked afresh.
    const later = new Date(Date.now() + 7 * 31 * 24 * 60 * 60 * 1000);
    expect(await openLastIntakeForPhoneBooking(viewer, client.id, later)).toBeNull();
    // Answers to the first edition are asked afresh too.
    await prisma.booking.update({
      where: { id: booked.booking.id },
      data: { intake: Object.fromEntries(QUESTIONNAIRE_V1.questions.map((question) => [question.id, false])) },
    });
    expect(await openLastIntakeForPhoneBooking(viewer, client.id)).toBeNull();
  });

  it("shows a client's last answers to a therapist only when the client is theirs, auditing only what is shown", async () => {
    const { client, admin, own, other, service, start } = await phoneScenario();
    const intake = readPhoneIntake(phoneForm({ recentLongTrip: "yes" }));
    const booked = await createBooking({
      client,
      serviceSlug: service.slug,
      therapistId: own.id,
      start,
      intake: (intake as { data: typeof CLEAR_INTAKE }).data,
      bookedBy: admin,
      payment: "desk",
    });
    const viewed = (actorId: string) =>
      prisma.auditLog.count({ where: { actorId, action: "booking.intake_viewed", entityId: booked.booking.id } });
    // Another therapist may book this client (typing their email), but reads no health answers.
    const stranger = { userId: other.userId, role: "THERAPIST" as const, therapistId: other.id };
    expect(await openLastIntakeForPhoneBooking(stranger, client.id)).toBeNull();
    expect(await viewed(other.userId)).toBe(0);
    // The therapist the client is booked with sees them, and the view is audited.
    const theirs = { userId: own.userId, role: "THERAPIST" as const, therapistId: own.id };
    expect((await openLastIntakeForPhoneBooking(theirs, client.id))?.intake.answers.recentLongTrip).toBe(true);
    expect(await viewed(own.userId)).toBe(1);
  });
});
