// A client's list of appointments: an unpaid hold that lapsed is left out (nothing happened to
// them); a booking whose late payment was refunded stays, so they can see the refund.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { listClientBookings } from "@/lib/booking/list-bookings";
import { ENGINE } from "../support/db-setup";
import { bookingData, createService, createTherapist, createUser } from "../support/factories";

describe(`a client's appointment list (${ENGINE})`, () => {
  it("hides lapsed unpaid holds and keeps everything that involved the client", async () => {
    const [client, therapist, service] = await Promise.all([createUser(), createTherapist(), createService()]);
    const make = (iso: string, status: Parameters<typeof bookingData>[0]["status"]) =>
      prisma.booking.create({
        data: {
          ...bookingData({ clientId: client.id, therapistId: therapist.id, service, startsAt: new Date(iso), status }),
          holdExpiresAt: new Date(),
        },
      });
    const confirmed = await make("2027-05-03T14:00:00Z", "CONFIRMED");
    await make("2027-05-04T14:00:00Z", "EXPIRED");
    const refunded = await make("2027-05-05T14:00:00Z", "EXPIRED");
    await prisma.payment.create({
      data: {
        bookingId: refunded.id,
        stripeCheckoutSessionId: `cs_test_${randomUUID()}`,
        status: "REFUNDED",
        amountCents: 9500,
        amountRefundedCents: 9500,
        currency: "usd",
      },
    });
    const listed = (await listClientBookings(client.id)).map((booking) => booking.id).sort();
    expect(listed).toEqual([confirmed.id, refunded.id].sort());
  });
});
