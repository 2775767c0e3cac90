// Guards the database keeps whatever the application does: holds lapse, a booking has at most one
// live payment, and one email is one account whatever its case.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { bookingData, createService, createTherapist, createUser, uniqueEmail } from "../support/factories";
import { ENGINE } from "../support/db-setup";
import { expectDatabaseError } from "../support/expect-database-error";

describe(`integrity guards (${ENGINE})`, () => {
  let booking: { id: string };

  beforeAll(async () => {
    const [client, therapist, service] = await Promise.all([createUser(), createTherapist(), createService()]);
    booking = await prisma.booking.create({
      data: bookingData({
        clientId: client.id,
        therapistId: therapist.id,
        service,
        startsAt: new Date("2027-04-01T14:00:00Z"),
      }),
    });
  });

  it("refuses an unpaid hold without an expiry", async () => {
    const [client, therapist, service] = await Promise.all([createUser(), createTherapist(), createService()]);
    const data = bookingData({
      clientId: client.id,
      therapistId: therapist.id,
      service,
      startsAt: new Date("2027-04-02T14:00:00Z"),
      status: "PENDING_PAYMENT",
    });
    await expectDatabaseError(prisma.booking.create({ data: { ...data, holdExpiresAt: null } }), {
      sqlState: "23514",
      constraint: "Booking_hold_has_expiry",
    });
  });

  it("allows one live payment per booking, and a new one once the first has lapsed", async () => {
    const payment = (status: "PENDING" | "SUCCEEDED" | "EXPIRED") => ({
      bookingId: booking.id,
      stripeCheckoutSessionId: `cs_test_${randomUUID()}`,
      status,
      amountCents: 9500,
      currency: "usd",
    });
    const first = await prisma.payment.create({ data: payment("PENDING") });
    const oneLive = { sqlState: "23505", constraint: "Payment_one_live_per_booking" };
    await expectDatabaseError(prisma.payment.create({ data: payment("PENDING") }), oneLive);
    await expectDatabaseError(prisma.payment.create({ data: payment("SUCCEEDED") }), oneLive);
    await prisma.payment.update({ where: { id: first.id }, data: { status: "EXPIRED" } });
    const second = await prisma.payment.create({ data: payment("PENDING") });
    expect(second.id).not.toBe(first.id);
  });

  it("treats emails differing only in case as the same account", async () => {
    const email = uniqueEmail("case");
    await createUser({ email });
    await expectDatabaseError(createUser({ email: email.toUpperCase() }), {
      sqlState: "23505",
      constraint: "User_email_lower_key",
    });
  });

  it("keeps a booking's clinical notes: the booking cannot be deleted from under them", async () => {
    // A booking of its own: the shared one has payments, which would refuse the delete for another reason.
    const [client, therapist, service, author] = await Promise.all([
      createUser(),
      createTherapist(),
      createService(),
      createUser({ role: "THERAPIST" }),
    ]);
    const visit = await prisma.booking.create({
      data: bookingData({
        clientId: client.id,
        therapistId: therapist.id,
        service,
        startsAt: new Date("2027-04-03T14:00:00Z"),
      }),
    });
    await prisma.bookingNote.create({ data: { bookingId: visit.id, authorId: author.id, body: "Left calf tight." } });
    await expectDatabaseError(prisma.booking.delete({ where: { id: visit.id } }), {
      sqlState: ["23001", "23503"],
      constraint: "BookingNote_bookingId_fkey",
    });
    expect(await prisma.bookingNote.count({ where: { bookingId: visit.id } })).toBe(1);
  });
});
