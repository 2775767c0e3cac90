// A client's privacy tools on a real database and the Stripe emulator: the data export holds their
// own data and nobody else's (and no secrets); deleting the account cancels future visits through
// cancelBooking with one full refund each, releases a held time, anonymises the user row, keeps the
// records the clinic must keep, and leaves an account nobody can sign in to; the "who viewed my
// health data" list shows only views of their own data.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deleteClientAccount, deletedEmailOf } from "@/lib/account/delete-account";
import { exportAccountData } from "@/lib/account/export-account-data";
import { listHealthDataViews } from "@/lib/account/list-health-data-views";
import { HEALTH_DATA_VIEW_ACTIONS } from "@/lib/audit/health-data-views";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { createSessionRecord } from "@/lib/auth/sessions";
import { createBooking } from "@/lib/booking/create-booking";
import { CURRENT_CONSENT } from "@/lib/clinical/consent";
import { prisma } from "@/lib/db";
import { NotFound } from "@/lib/errors/domain-errors";
import { CLEAR_INTAKE, createBookableService, signCurrentConsent } from "../support/booking-scenario";
import { clinicTimeAhead, confirmedBooking } from "../support/confirmed-booking";
import { ENGINE } from "../support/db-setup";
import { createUser, uniqueEmail } from "../support/factories";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";

const PASSWORD = "orchard-lantern-ferry";
let harness: PaymentsHarness;
let passwordHash: string;
let dayOffset = 20;
const nextStart = () => clinicTimeAhead(dayOffset++, 11);

beforeAll(async () => {
  harness = await startPaymentsHarness();
  passwordHash = await hashPassword(PASSWORD);
});
afterAll(async () => {
  await harness.close();
});

async function clientWithPassword() {
  const user = await prisma.user.create({
    data: { email: uniqueEmail("privacy"), name: "Private Person", phone: "+1 718 555 0100", passwordHash },
  });
  await signCurrentConsent(user.id);
  return { id: user.id, email: user.email };
}

/** A finished visit with a treatment note, calf records, a staff view and a message. */
async function pastVisitWithRecords(client: { id: string; email: string }) {
  const bookable = await createBookableService();
  const therapist = bookable.therapists[0];
  if (!therapist) throw new Error("no therapist");
  const start = new Date(Date.now() - 10 * 24 * 3_600_000);
  const booking = await prisma.booking.create({
    data: {
      clientId: client.id,
      therapistId: therapist.id,
      serviceId: bookable.service.id,
      status: "COMPLETED",
      startsAt: start,
      endsAt: new Date(start.getTime() + 3_600_000),
      blockedUntil: new Date(start.getTime() + 4_500_000),
      serviceName: bookable.service.name,
      durationMinutes: 60,
      priceCents: 9500,
      currency: "usd",
      intake: { ...CLEAR_INTAKE, notes: `own-intake-${client.id}` },
      payments: { create: { method: "DESK", status: "SUCCEEDED", amountCents: 9500, currency: "usd", paidAt: start } },
      treatmentNote: {
        create: { authorId: therapist.userId, subjective: `note-for-${client.id}`, plan: "Walk daily" },
      },
      calfRecords: { create: [{ side: "LEFT", tension: 4, swelling: 1, tenderness: 2 }] },
    },
  });
  await prisma.auditLog.create({
    data: {
      actorId: therapist.userId,
      action: HEALTH_DATA_VIEW_ACTIONS.treatmentNote,
      entityType: "Booking",
      entityId: booking.id,
    },
  });
  await prisma.emailOutbox.create({
    data: { toAddress: client.email, subject: `Hello ${client.id}`, text: "Thanks", template: "aftercare" },
  });
  return { booking, therapist };
}

describe(`account data export (${ENGINE})`, () => {
  it("holds the client's own profile, visits, payments, notes, records, messages and views, and no one else's", async () => {
    const [me, other] = await Promise.all([clientWithPassword(), clientWithPassword()]);
    const mine = await pastVisitWithRecords(me);
    const theirs = await pastVisitWithRecords(other);
    await prisma.accountToken.create({
      data: {
        userId: me.id,
        purpose: "PASSWORD_RESET",
        tokenHash: `hash-${me.id}`,
        expiresAt: new Date(Date.now() + 60_000),
      },
    });

    await prisma.doctorClearance.create({
      data: {
        clientId: me.id,
        questionId: "cancer",
        clearedBy: `Dr. Own ${me.id}`,
        clearedOn: new Date(),
        validUntil: new Date(Date.now() + 30 * 86_400_000),
        recordedById: me.id,
      },
    });
    const data = await exportAccountData(me.id);
    expect(data?.profile).toMatchObject({ id: me.id, email: me.email, name: "Private Person" });
    expect(data?.bookings.map((booking) => booking.id)).toEqual([mine.booking.id]);
    const [visit] = data?.bookings ?? [];
    expect(visit?.intake).toMatchObject({ notes: `own-intake-${me.id}` });
    expect(visit?.payments).toEqual([expect.objectContaining({ amountCents: 9500, method: "DESK" })]);
    expect(visit?.treatmentNote).toMatchObject({ subjective: `note-for-${me.id}`, author: "Test Therapist" });
    expect(visit?.calfRecords).toEqual([expect.objectContaining({ side: "LEFT", tension: 4 })]);
    expect(data?.messages.map((message) => message.subject)).toEqual([`Hello ${me.id}`]);
    // The signed consent, with the text as signed.
    expect(data?.consents).toEqual([
      expect.objectContaining({ version: CURRENT_CONSENT.version, method: "ONLINE", title: CURRENT_CONSENT.title }),
    ]);
    expect(data?.consents[0]?.sections).toEqual(CURRENT_CONSENT.sections);
    expect(data?.doctorClearances).toEqual([
      expect.objectContaining({ questionId: "cancer", clearedBy: `Dr. Own ${me.id}`, revokedAt: null }),
    ]);
    expect(data?.healthDataViews).toEqual([
      expect.objectContaining({ staff: "Test Therapist", what: "treatment notes", bookingId: mine.booking.id }),
    ]);

    const text = JSON.stringify(data);
    for (const foreign of [other.id, other.email, theirs.booking.id, `note-for-${other.id}`]) {
      expect(text).not.toContain(foreign);
    }
    for (const secret of [passwordHash, `hash-${me.id}`, "passwordHash", "tokenHash", "totpSecret"]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe(`deleting an account (${ENGINE})`, () => {
  it("refunds a visit inside the cancellation cut-off as the policy says, not in full", async () => {
    const me = await clientWithPassword();
    // Three hours ahead on the 15-minute grid: bookable (past the 2-hour notice), inside the 24-hour cut-off.
    const start = new Date(Math.ceil((Date.now() + 3 * 3_600_000) / 900_000) * 900_000);
    const paid = await confirmedBooking(harness, { client: me, start });

    const result = await deleteClientAccount(me.id);

    expect(result.cancelledBookingIds).toEqual([paid.bookingId]);
    expect(result.refundedCents).toBe(0);
    const cancelAudit = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Booking", entityId: paid.bookingId, action: "booking.cancelled" },
    });
    expect(cancelAudit.data).toMatchObject({ onAccountDeletion: true, rule: "late_no_refund", refundCents: 0 });
  });

  it("cancels future visits with one full refund each, releases a hold, anonymises the user and keeps the records", async () => {
    const me = await clientWithPassword();
    const { booking: pastVisit } = await pastVisitWithRecords(me);
    const paid = await confirmedBooking(harness, { client: me, start: nextStart() });
    const bookable = await createBookableService();
    const held = await createBooking({
      client: me,
      serviceSlug: bookable.service.slug,
      therapistId: bookable.therapists[0]?.id,
      start: nextStart(),
      intake: CLEAR_INTAKE,
    });
    await createSessionRecord(me.id);
    await prisma.accountToken.create({
      data: {
        userId: me.id,
        purpose: "PASSWORD_RESET",
        tokenHash: `hash-del-${me.id}`,
        expiresAt: new Date(Date.now() + 60_000),
      },
    });

    const result = await deleteClientAccount(me.id);
    await harness.emulator.waitForWebhooks();

    expect(result.cancelledBookingIds.sort()).toEqual([paid.bookingId, held.booking.id].sort());
    expect(result.refundedCents).toBe(paid.service.priceCents);
    const paidNow = await prisma.booking.findUniqueOrThrow({
      where: { id: paid.bookingId },
      select: { status: true, cancelledById: true, payments: { select: { status: true, refunds: true } } },
    });
    expect(paidNow.status).toBe("CANCELLED");
    expect(paidNow.cancelledById).toBe(me.id);
    expect(paidNow.payments[0]?.refunds).toEqual([
      expect.objectContaining({ amountCents: paid.service.priceCents, reason: "cancellation:full_notice" }),
    ]);
    const heldNow = await prisma.booking.findUniqueOrThrow({
      where: { id: held.booking.id },
      select: { status: true, payments: { select: { status: true } } },
    });
    expect(heldNow).toEqual({ status: "CANCELLED", payments: [{ status: "EXPIRED" }] });

    const user = await prisma.user.findUniqueOrThrow({ where: { id: me.id } });
    expect(user).toMatchObject({ email: deletedEmailOf(me.id), name: null, phone: null, passwordHash: null });
    expect(user.deletedAt).toBeInstanceOf(Date);
    expect(await prisma.session.count({ where: { userId: me.id } })).toBe(0);
    expect(await prisma.accountToken.count({ where: { userId: me.id } })).toBe(0);

    // What the clinic must keep stays: the past visit, its payment, note and calf records.
    const kept = await prisma.booking.findUniqueOrThrow({
      where: { id: pastVisit.id },
      select: { status: true, payments: true, treatmentNote: true, calfRecords: true },
    });
    expect(kept.status).toBe("COMPLETED");
    expect(kept.payments).toHaveLength(1);
    expect(kept.treatmentNote?.subjective).toBe(`note-for-${me.id}`);
    expect(kept.calfRecords).toHaveLength(1);

    const audit = await prisma.auditLog.findMany({
      where: { entityType: "User", entityId: me.id, action: "user.account_deleted" },
    });
    expect(audit).toEqual([
      expect.objectContaining({ actorId: me.id, data: expect.objectContaining({ cancelledBookings: 2 }) }),
    ]);
    const cancelAudit = await prisma.auditLog.findFirstOrThrow({
      where: { entityType: "Booking", entityId: paid.bookingId, action: "booking.cancelled" },
    });
    expect(cancelAudit.data).toMatchObject({ by: "client", onAccountDeletion: true, rule: "full_notice" });

    // Nobody signs in to it again, by the old address or the placeholder.
    for (const email of [me.email, deletedEmailOf(me.id)]) {
      const signIn = await authenticateWithPassword(
        { email, password: PASSWORD },
        { clientIp: `203.0.113.${dayOffset}` },
      );
      expect(signIn).toEqual({ ok: false, reason: "invalid" });
    }

    // A second delete finds no account; the refund was decided once.
    await expect(deleteClientAccount(me.id)).rejects.toBeInstanceOf(NotFound);
    expect(await prisma.refund.count({ where: { payment: { bookingId: paid.bookingId } } })).toBe(1);
  });

  it("refuses to delete a staff account here", async () => {
    const staff = await createUser({ role: "THERAPIST" });
    await expect(deleteClientAccount(staff.id)).rejects.toThrow("A staff account is closed by the clinic's admin.");
    expect((await prisma.user.findUniqueOrThrow({ where: { id: staff.id } })).deletedAt).toBeNull();
  });
});

describe(`who viewed my health data (${ENGINE})`, () => {
  it("lists views of the client's own bookings and records, with who, what and which visit, and nobody else's", async () => {
    const [me, other] = await Promise.all([clientWithPassword(), clientWithPassword()]);
    const mine = await pastVisitWithRecords(me);
    const theirs = await pastVisitWithRecords(other);
    await prisma.auditLog.createMany({
      data: [
        {
          actorId: mine.therapist.userId,
          action: HEALTH_DATA_VIEW_ACTIONS.clientRecords,
          entityType: "User",
          entityId: me.id,
        },
        {
          actorId: theirs.therapist.userId,
          action: HEALTH_DATA_VIEW_ACTIONS.intake,
          entityType: "Booking",
          entityId: theirs.booking.id,
        },
        // Not a view of health data: never listed.
        {
          actorId: mine.therapist.userId,
          action: "booking.checked_in",
          entityType: "Booking",
          entityId: mine.booking.id,
        },
      ],
    });

    const views = await listHealthDataViews(me.id);
    expect(views).toHaveLength(2);
    expect(views).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ what: "health records", booking: null, staffName: "Test Therapist" }),
        expect.objectContaining({
          what: "treatment notes",
          booking: expect.objectContaining({ id: mine.booking.id, serviceName: "Test Calf Massage" }),
        }),
      ]),
    );
    expect((await listHealthDataViews(other.id)).map((view) => view.booking?.id)).not.toContain(mine.booking.id);
  });
});
