// The exclusion constraint is the guarantee against double booking: it must hold on PGlite and on
// PostgreSQL alike, for holds as well as confirmed visits, buffer included.
import { beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { isExclusionViolation } from "@/lib/db/errors";
import { bookingData, createService, createTherapist, createUser } from "../support/factories";
import { ENGINE } from "../support/db-setup";
import { expectDatabaseError } from "../support/expect-database-error";

describe(`no overlapping active bookings (${ENGINE})`, () => {
  let client: { id: string };
  let service: Awaited<ReturnType<typeof createService>>;

  beforeAll(async () => {
    client = await createUser();
    service = await createService({ durationMinutes: 60, bufferMinutes: 15 });
  });

  const at = (iso: string) => new Date(iso);

  async function expectOverlapRejected(promise: Promise<unknown>) {
    const error = await promise.then(
      () => null,
      (caught: unknown) => caught,
    );
    expect(error, "the second booking should have been rejected").not.toBeNull();
    expect(isExclusionViolation(error)).toBe(true);
  }

  it("rejects a booking that overlaps a confirmed one for the same therapist", async () => {
    const therapist = await createTherapist();
    await prisma.booking.create({
      data: bookingData({
        clientId: client.id,
        therapistId: therapist.id,
        service,
        startsAt: at("2027-03-01T14:00:00Z"),
      }),
    });
    await expectOverlapRejected(
      prisma.booking.create({
        data: bookingData({
          clientId: client.id,
          therapistId: therapist.id,
          service,
          startsAt: at("2027-03-01T14:30:00Z"),
        }),
      }),
    );
  });

  it("treats an unpaid hold as taken, and rejects a start inside the previous visit's buffer", async () => {
    const therapist = await createTherapist();
    await prisma.booking.create({
      data: bookingData({
        clientId: client.id,
        therapistId: therapist.id,
        service,
        startsAt: at("2027-03-02T14:00:00Z"),
        status: "PENDING_PAYMENT",
      }),
    });
    // The visit ends 15:00 and its buffer runs to 15:15.
    await expectOverlapRejected(
      prisma.booking.create({
        data: bookingData({
          clientId: client.id,
          therapistId: therapist.id,
          service,
          startsAt: at("2027-03-02T15:10:00Z"),
        }),
      }),
    );
  });

  it("allows a visit that starts exactly when the buffer ends", async () => {
    const therapist = await createTherapist();
    await prisma.booking.create({
      data: bookingData({
        clientId: client.id,
        therapistId: therapist.id,
        service,
        startsAt: at("2027-03-03T14:00:00Z"),
      }),
    });
    const next = await prisma.booking.create({
      data: bookingData({
        clientId: client.id,
        therapistId: therapist.id,
        service,
        startsAt: at("2027-03-03T15:15:00Z"),
      }),
    });
    expect(next.id).toBeTruthy();
  });

  it("ignores cancelled and expired bookings, and other therapists' time", async () => {
    const therapist = await createTherapist();
    const other = await createTherapist();
    const startsAt = at("2027-03-04T14:00:00Z");
    await prisma.booking.create({
      data: bookingData({ clientId: client.id, therapistId: therapist.id, service, startsAt, status: "CANCELLED" }),
    });
    await prisma.booking.create({
      data: bookingData({ clientId: client.id, therapistId: therapist.id, service, startsAt, status: "EXPIRED" }),
    });
    await prisma.booking.create({
      data: bookingData({ clientId: client.id, therapistId: other.id, service, startsAt }),
    });
    const booked = await prisma.booking.create({
      data: bookingData({ clientId: client.id, therapistId: therapist.id, service, startsAt }),
    });
    expect(booked.status).toBe("CONFIRMED");
  });

  it("lets only one of two simultaneous bookings of the same slot through", async () => {
    const therapist = await createTherapist();
    const startsAt = at("2027-03-05T14:00:00Z");
    // Two clients: one client holds one unpaid time at most (Booking_one_hold_per_client).
    const clients = await Promise.all([createUser(), createUser()]);
    const attempts = await Promise.allSettled(
      clients.map((racer) =>
        prisma.booking.create({
          data: bookingData({
            clientId: racer.id,
            therapistId: therapist.id,
            service,
            startsAt,
            status: "PENDING_PAYMENT",
          }),
        }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const rejected = attempts.find((a) => a.status === "rejected");
    expect(rejected && isExclusionViolation(rejected.reason)).toBe(true);
  });

  it("refuses a booking whose times are out of order", async () => {
    const therapist = await createTherapist();
    const data = bookingData({
      clientId: client.id,
      therapistId: therapist.id,
      service,
      startsAt: at("2027-03-06T14:00:00Z"),
    });
    await expectDatabaseError(prisma.booking.create({ data: { ...data, endsAt: data.startsAt } }), {
      sqlState: "23514",
      constraint: "Booking_times_ordered",
    });
  });
});
