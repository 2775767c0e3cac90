// The hours admin on a real database: an admin replaces a therapist's week in one go and adds or
// removes time off, and availability follows at once; a change that would strand an upcoming visit
// (hours shortened or a day dropped under it, a break or time off over it) is refused with the
// visit listed and nothing saved, also when the hold is being made at that very moment; a therapist
// sees their own week only and gets NotFound from every change.
import { beforeAll, describe, expect, it } from "vitest";
import { getAvailability } from "@/lib/availability/get-availability";
import { prisma } from "@/lib/db";
import { NotFound } from "@/lib/errors/domain-errors";
import { addTimeOff } from "@/lib/hours/add-time-off";
import type { WeeklySchedule } from "@/lib/hours/hours-ranges";
import { removeTimeOff } from "@/lib/hours/remove-time-off";
import { replaceWorkingHours } from "@/lib/hours/replace-working-hours";
import { loadStaffViewer } from "@/lib/auth/staff-viewer";
import { getTherapistWeek } from "@/lib/hours/therapist-hours";
import { BookingsWouldBeStranded } from "@/lib/booking/upcoming-bookings";
import { addDays, clinicToday, clinicWeekday, wallTimeToUtc } from "@/lib/time/clinic-time";
import { uniqueLabel } from "../support/booking-scenario";
import { ENGINE } from "../support/db-setup";
import { bookingData, createService, createTherapist, createUser } from "../support/factories";
import { caught } from "../support/staff-scenario";

const TIME_ZONE = "America/New_York";
let admin: { id: string; role: "ADMIN" };
let dayOffset = 3;

beforeAll(async () => {
  admin = { id: (await createUser({ role: "ADMIN" })).id, role: "ADMIN" };
});

/** A clinic date some days ahead (one per test, so tests never share a day), and its weekday. */
function nextDay() {
  const date = addDays(clinicToday(TIME_ZONE), dayOffset++);
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return {
    date,
    weekday: clinicWeekday(date),
    at: (hour: number, minute = 0) => wallTimeToUtc({ year, month, day, hour, minute }, TIME_ZONE),
  };
}

const nineToFive = (weekday: number): WeeklySchedule => ({
  workingHours: [{ weekday, startMinute: 9 * 60, endMinute: 17 * 60 }],
  breaks: [],
});

/** A therapist working 9-5 every day who offers a 60-minute service, and a client's visit with them. */
async function bookedTherapist(visitAt?: Date) {
  const service = await createService({ durationMinutes: 60, bufferMinutes: 15 });
  const therapist = await createTherapist();
  await prisma.workingHours.createMany({
    data: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
      therapistId: therapist.id,
      weekday,
      startMinute: 540,
      endMinute: 1020,
    })),
  });
  await prisma.therapistService.create({ data: { therapistId: therapist.id, serviceId: service.id } });
  const client = await prisma.user.create({
    data: { email: `client-${uniqueLabel()}@example.test`, name: `Client ${uniqueLabel()}` },
  });
  const booking = visitAt
    ? await prisma.booking.create({
        data: bookingData({ clientId: client.id, therapistId: therapist.id, service, startsAt: visitAt }),
      })
    : null;
  return { service, therapist, client, booking };
}

const startsOn = async (serviceSlug: string, therapistId: string, date: string) =>
  (await getAvailability({ service: serviceSlug, therapist: therapistId, from: date, to: date })).slots.map((slot) =>
    slot.start.slice(11, 16),
  );

async function weekOf(therapistId: string) {
  return prisma.therapist.findUniqueOrThrow({
    where: { id: therapistId },
    select: {
      workingHours: {
        orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
        select: { weekday: true, startMinute: true, endMinute: true },
      },
      breaks: {
        orderBy: [{ weekday: "asc" }, { startMinute: "asc" }],
        select: { weekday: true, startMinute: true, endMinute: true, label: true },
      },
      timeOff: { select: { startsAt: true, endsAt: true } },
    },
  });
}

describe(`hours admin (${ENGINE})`, () => {
  it("replaces a week in one go, with its audit entry, and availability follows at once", async () => {
    const day = nextDay();
    const { service, therapist } = await bookedTherapist();
    expect(await startsOn(service.slug, therapist.id, day.date)).toContain("09:00");

    const schedule: WeeklySchedule = {
      workingHours: [
        { weekday: day.weekday, startMinute: 10 * 60, endMinute: 12 * 60 },
        { weekday: day.weekday, startMinute: 13 * 60, endMinute: 15 * 60 },
      ],
      breaks: [{ weekday: day.weekday, startMinute: 14 * 60, endMinute: 14 * 60 + 15, label: "Tea" }],
    };
    await replaceWorkingHours({ therapistId: therapist.id, schedule, actor: admin });

    expect(await weekOf(therapist.id)).toEqual({ ...schedule, timeOff: [] });
    // 10:00-12:00 holds 10:00 to 11:00; 13:00-15:00 with tea at 14:00 holds 13:00 and 14:15 only.
    const starts = await startsOn(service.slug, therapist.id, day.date);
    expect(starts).toEqual(["10:00", "10:15", "10:30", "10:45", "11:00", "13:00"]);
    expect(await startsOn(service.slug, therapist.id, addDays(day.date, 1))).toEqual([]);
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: therapist.id, action: "therapist.hours_replaced" },
    });
    expect(entry).toMatchObject({ actorId: admin.id, entityType: "Therapist" });
  });

  it.each([
    [
      "hours shortened",
      (weekday: number) => ({ workingHours: [{ weekday, startMinute: 12 * 60, endMinute: 17 * 60 }], breaks: [] }),
    ],
    [
      "the weekday removed",
      (weekday: number) => ({
        workingHours: [{ weekday: (weekday + 1) % 7, startMinute: 540, endMinute: 1020 }],
        breaks: [],
      }),
    ],
    [
      "a break over the visit",
      (weekday: number) => ({
        ...nineToFive(weekday),
        breaks: [{ weekday, startMinute: 630, endMinute: 660, label: null }],
      }),
    ],
  ])("refuses %s under an upcoming visit, listing it, and saves nothing", async (_, change) => {
    const day = nextDay();
    const { therapist, client, booking, service } = await bookedTherapist(day.at(10));
    const before = await weekOf(therapist.id);

    const refused = await caught(
      replaceWorkingHours({ therapistId: therapist.id, schedule: change(day.weekday), actor: admin }),
    );

    expect(refused).toBeInstanceOf(BookingsWouldBeStranded);
    expect((refused as BookingsWouldBeStranded).message).toMatch(/^Not saved: 1 booked visit would be left outside/);
    expect((refused as BookingsWouldBeStranded).bookings).toEqual([
      expect.objectContaining({ id: booking?.id, clientName: client.name, serviceName: service.name }),
    ]);
    expect(await weekOf(therapist.id)).toEqual(before);
    expect(await prisma.auditLog.count({ where: { entityId: therapist.id, action: "therapist.hours_replaced" } })).toBe(
      0,
    );
  });

  it("lets hours change around a visit that still fits, and ignores cancelled visits and lapsed holds", async () => {
    const day = nextDay();
    const { therapist, service, client } = await bookedTherapist(day.at(10));
    await prisma.booking.create({
      data: bookingData({
        clientId: client.id,
        therapistId: therapist.id,
        service,
        startsAt: day.at(15),
        status: "CANCELLED",
      }),
    });
    await prisma.booking.create({
      data: {
        ...bookingData({
          clientId: client.id,
          therapistId: therapist.id,
          service,
          startsAt: day.at(13),
          status: "PENDING_PAYMENT",
        }),
        holdExpiresAt: new Date(Date.now() - 60_000),
      },
    });

    await replaceWorkingHours({
      therapistId: therapist.id,
      schedule: { workingHours: [{ weekday: day.weekday, startMinute: 9 * 60, endMinute: 12 * 60 }], breaks: [] },
      actor: admin,
    });
    expect((await weekOf(therapist.id)).workingHours).toEqual([
      { weekday: day.weekday, startMinute: 540, endMinute: 720 },
    ]);
  });

  it("refuses time off over an upcoming visit or hold, listing it; time off elsewhere follows into availability at once", async () => {
    const day = nextDay();
    const { therapist, service, client, booking } = await bookedTherapist(day.at(10));
    const hold = await prisma.booking.create({
      data: bookingData({
        clientId: client.id,
        therapistId: therapist.id,
        service,
        startsAt: day.at(14),
        status: "PENDING_PAYMENT",
      }),
    });

    const refused = await caught(
      addTimeOff({ therapistId: therapist.id, startsAt: day.at(9), endsAt: day.at(17), actor: admin }),
    );
    expect(refused).toBeInstanceOf(BookingsWouldBeStranded);
    expect((refused as BookingsWouldBeStranded).message).toMatch(/^Not saved: 2 booked visits fall in this time off/);
    expect((refused as BookingsWouldBeStranded).bookings.map((b) => b.id)).toEqual([booking?.id, hold.id]);
    expect(await prisma.timeOff.count({ where: { therapistId: therapist.id } })).toBe(0);

    const { id } = await addTimeOff({
      therapistId: therapist.id,
      startsAt: day.at(11, 15),
      endsAt: day.at(13, 45),
      reason: "Dentist",
      actor: admin,
    });
    const starts = await startsOn(service.slug, therapist.id, day.date);
    expect(starts.filter((start) => start >= "11:00" && start < "14:00")).toEqual([]);
    expect(starts).toContain("15:15");
    expect(await prisma.auditLog.count({ where: { entityId: therapist.id, action: "therapist.time_off_added" } })).toBe(
      1,
    );

    await removeTimeOff({ therapistId: therapist.id, timeOffId: id, actor: admin });
    expect(await startsOn(service.slug, therapist.id, day.date)).toContain("11:15");
    expect(
      await prisma.auditLog.count({ where: { entityId: therapist.id, action: "therapist.time_off_removed" } }),
    ).toBe(1);
    expect(await caught(removeTimeOff({ therapistId: therapist.id, timeOffId: id, actor: admin }))).toBeInstanceOf(
      NotFound,
    );
  });

  it("sees a hold made while the change waits for the therapist's row, and refuses the change", async () => {
    const day = nextDay();
    const { therapist, service, client } = await bookedTherapist();
    let holdInserted!: () => void;
    let letHoldCommit!: () => void;
    const inserted = new Promise<void>((resolve) => (holdInserted = resolve));
    const commit = new Promise<void>((resolve) => (letHoldCommit = resolve));

    // A booking's transaction that has inserted its hold but not yet committed.
    const holding = prisma.$transaction(
      async (tx) => {
        const hold = await tx.booking.create({
          data: bookingData({
            clientId: client.id,
            therapistId: therapist.id,
            service,
            startsAt: day.at(16),
            status: "PENDING_PAYMENT",
          }),
        });
        holdInserted();
        await commit;
        return hold;
      },
      { timeout: 20_000 },
    );
    await inserted;
    const changing = caught(
      replaceWorkingHours({
        therapistId: therapist.id,
        schedule: { workingHours: [{ weekday: day.weekday, startMinute: 540, endMinute: 900 }], breaks: [] },
        actor: admin,
      }),
    );
    // On PostgreSQL the change now waits on the row lock the hold's foreign-key check holds; on
    // PGlite (one connection) it waits for the hold's transaction. Either way it must see the hold.
    await new Promise((resolve) => setTimeout(resolve, 300));
    letHoldCommit();
    const hold = await holding;

    const refused = await changing;
    expect(refused).toBeInstanceOf(BookingsWouldBeStranded);
    expect((refused as BookingsWouldBeStranded).bookings.map((b) => b.id)).toEqual([hold.id]);
  });

  it("shows a therapist their own week only, and gives them NotFound from every change", async () => {
    const day = nextDay();
    const { therapist } = await bookedTherapist();
    const other = await createTherapist();
    const viewer = await loadStaffViewer({ id: therapist.userId, role: "THERAPIST" });
    const actor = { id: therapist.userId, role: "THERAPIST" as const };
    const before = await weekOf(therapist.id);

    expect((await getTherapistWeek(viewer, therapist.id)).id).toBe(therapist.id);
    expect(await caught(getTherapistWeek(viewer, other.id))).toBeInstanceOf(NotFound);
    const timeOff = await prisma.timeOff.create({
      data: { therapistId: therapist.id, startsAt: day.at(9), endsAt: day.at(10) },
    });
    for (const attempt of [
      replaceWorkingHours({ therapistId: therapist.id, schedule: nineToFive(day.weekday), actor }),
      addTimeOff({ therapistId: therapist.id, startsAt: day.at(12), endsAt: day.at(13), actor }),
      removeTimeOff({ therapistId: therapist.id, timeOffId: timeOff.id, actor }),
    ]) {
      expect(await caught(attempt)).toBeInstanceOf(NotFound);
    }
    expect((await weekOf(therapist.id)).workingHours).toEqual(before.workingHours);
    expect(await prisma.timeOff.count({ where: { therapistId: therapist.id } })).toBe(1);
  });
});
