// The new-calf-symptoms fee waiver (issue #16 point 10): kept as a safety feature, but recorded, shown
// to staff for a "did you see a doctor?" call, and limited online to two a year; after that the client
// is asked to call, and can still cancel here without the waiver.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cancelBooking, WAIVERS_ONLINE_PER_YEAR, WaiverNeedsACall } from "@/lib/booking/cancel-booking";
import { prisma } from "@/lib/db";
import { listSymptomFollowUps } from "@/lib/clinical/symptom-follow-ups";
import { loadStaffViewer } from "@/lib/auth/staff-viewer";
import { createBookableService, createClient } from "../support/booking-scenario";
import { clinicTimeAhead, confirmedBooking } from "../support/confirmed-booking";
import { ENGINE } from "../support/db-setup";
import { createUser } from "../support/factories";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";

let harness: PaymentsHarness;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});

const HOUR_MS = 3_600_000;

describe(`the calf-symptoms fee waiver (${ENGINE})`, () => {
  it("waives a late fee twice a year online, then asks the client to call; staff see each waiver to follow up", async () => {
    const bookable = await createBookableService();
    const client = await createClient();
    const late = async (day: number) => {
      const start = clinicTimeAhead(day, 10);
      const { bookingId } = await confirmedBooking(harness, { bookable, client, start });
      return { bookingId, now: new Date(start.getTime() - 3 * HOUR_MS) };
    };
    const asClient = { id: client.id, role: "CLIENT" as const };

    const waived: string[] = [];
    for (let index = 0; index < WAIVERS_ONLINE_PER_YEAR; index++) {
      const { bookingId, now } = await late(3 + index);
      const result = await cancelBooking({ bookingId, actor: asClient, newCalfSymptoms: true, now });
      expect(result.refundCents).toBe(bookable.service.priceCents);
      waived.push(bookingId);
    }
    const audit = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: waived[0], action: "booking.cancelled" },
    });
    expect(audit.data).toMatchObject({ calfSymptomsWaiver: true, rule: "calf_symptoms_waiver" });

    const third = await late(6);
    const refused = await cancelBooking({
      bookingId: third.bookingId,
      actor: asClient,
      newCalfSymptoms: true,
      now: third.now,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WaiverNeedsACall);
    expect((refused as Error).message).toMatch(/doctor/);
    expect((await prisma.booking.findUniqueOrThrow({ where: { id: third.bookingId } })).status).toBe("CONFIRMED");
    // Without the waiver the client can still cancel online, under the usual terms.
    const plain = await cancelBooking({ bookingId: third.bookingId, actor: asClient, now: third.now });
    expect(plain.refundCents).toBeLessThan(bookable.service.priceCents);

    // Staff see the two waivers: the admin all, the visits' therapist theirs, another therapist none.
    const admin = await loadStaffViewer(await createUser({ role: "ADMIN" }));
    const therapistUserId = (await prisma.therapist.findUniqueOrThrow({ where: { id: bookable.therapists[0]!.id } }))
      .userId;
    const ownTherapist = await loadStaffViewer({ id: therapistUserId, role: "THERAPIST" });
    const otherTherapist = await loadStaffViewer(await createUser({ role: "THERAPIST" }));
    const listed = (await listSymptomFollowUps(admin)).map((entry) => entry.bookingId);
    expect(listed).toEqual(expect.arrayContaining(waived));
    expect(listed).not.toContain(third.bookingId);
    expect((await listSymptomFollowUps(ownTherapist)).map((entry) => entry.bookingId).sort()).toEqual(
      [...waived].sort(),
    );
    expect(await listSymptomFollowUps(otherTherapist)).toEqual([]);
  });

  it("lets two late cancellations sent at once use the last waiver only once", async () => {
    const bookable = await createBookableService();
    const client = await createClient();
    const asClient = { id: client.id, role: "CLIENT" as const };
    const late = async (day: number) => {
      const start = clinicTimeAhead(day, 10);
      const { bookingId } = await confirmedBooking(harness, { bookable, client, start });
      return { bookingId, now: new Date(start.getTime() - 3 * HOUR_MS) };
    };
    for (let index = 0; index < WAIVERS_ONLINE_PER_YEAR - 1; index++) {
      const { bookingId, now } = await late(3 + index);
      await cancelBooking({ bookingId, actor: asClient, newCalfSymptoms: true, now });
    }
    const both = [await late(10), await late(11)];
    const results = await Promise.allSettled(
      both.map(({ bookingId, now }) => cancelBooking({ bookingId, actor: asClient, newCalfSymptoms: true, now })),
    );
    const waived = results.filter((result) => result.status === "fulfilled");
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason as unknown] : []));
    expect(waived).toHaveLength(1);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(WaiverNeedsACall);
    const used = await prisma.auditLog.count({
      where: { actorId: client.id, action: "booking.cancelled", data: { path: ["calfSymptomsWaiver"], equals: true } },
    });
    expect(used).toBe(WAIVERS_ONLINE_PER_YEAR);
  });

  it("does not count an early cancellation with symptoms, where no fee was due", async () => {
    const bookable = await createBookableService();
    const client = await createClient();
    for (let index = 0; index < WAIVERS_ONLINE_PER_YEAR + 1; index++) {
      const start = clinicTimeAhead(10 + index, 10);
      const { bookingId } = await confirmedBooking(harness, { bookable, client, start });
      const result = await cancelBooking({
        bookingId,
        actor: { id: client.id, role: "CLIENT" },
        newCalfSymptoms: true,
        now: new Date(start.getTime() - 72 * HOUR_MS),
      });
      expect(result.refundCents).toBe(bookable.service.priceCents);
    }
  });
});
