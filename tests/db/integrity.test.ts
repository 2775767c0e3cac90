// Guards the database keeps whatever the application does: holds lapse, a booking has at most one
// live payment, and one email is one account whatever its case.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { bookingData, createService, createTherapist, createUser, uniqueEmail } from "../support/factories";
import { ENGINE } from "../support/db-setup";

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
    await expect(prisma.booking.create({ data: { ...data, holdExpiresAt: null } })).rejects.toThrow();
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
    await expect(prisma.payment.create({ data: payment("PENDING") })).rejects.toThrow();
    await expect(prisma.payment.create({ data: payment("SUCCEEDED") })).rejects.toThrow();
    await prisma.payment.update({ where: { id: first.id }, data: { status: "EXPIRED" } });
    const second = await prisma.payment.create({ data: payment("PENDING") });
    expect(second.id).not.toBe(first.id);
  });

  it("treats emails differing only in case as the same account", async () => {
    const email = uniqueEmail("case");
    await createUser({ email });
    await expect(createUser({ email: email.toUpperCase() })).rejects.toThrow();
  });

  it("keeps a booking's clinical notes: the booking cannot be deleted from under them", async () => {
    const author = await createUser({ role: "THERAPIST" });
    await prisma.bookingNote.create({ data: { bookingId: booking.id, authorId: author.id, body: "Left calf tight." } });
    await expect(prisma.booking.delete({ where: { id: booking.id } })).rejects.toThrow();
    expect(await prisma.bookingNote.count({ where: { bookingId: booking.id } })).toBe(1);
  });
});
