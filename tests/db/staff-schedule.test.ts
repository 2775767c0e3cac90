// The week view for the whole clinic reads a bounded number of statements however many bookings
// the week holds (the benchmark: at most 5 with 300 bookings), and shows live holds but not
// lapsed ones.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { loadSchedule } from "@/lib/schedule/load-schedule";
import { layOutSchedule } from "@/lib/schedule/schedule-layout";
import { loadStaffViewer } from "@/lib/auth/staff-viewer";
import { clinicDayBounds, addDays } from "@/lib/time/clinic-time";
import { countStatements } from "../support/count-statements";
import { ENGINE } from "../support/db-setup";
import { bookingData, createService, createTherapist, createUser } from "../support/factories";

const TZ = "America/New_York";
// A week with the spring-forward Sunday in it (2031-03-09).
const MONDAY = "2031-03-03";

describe(`staff week schedule (${ENGINE})`, () => {
  it("loads the whole clinic's week with 300 bookings in at most 5 statements", async () => {
    const service = await createService({ durationMinutes: 25, bufferMinutes: 5 });
    const therapists = [await createTherapist(), await createTherapist(), await createTherapist()];
    for (const therapist of therapists) {
      await prisma.workingHours.createMany({
        data: [1, 2, 3, 4, 5].map((weekday) => ({
          therapistId: therapist.id,
          weekday,
          startMinute: 540,
          endMinute: 1020,
        })),
      });
      await prisma.therapistBreak.create({
        data: { therapistId: therapist.id, weekday: 1, startMinute: 720, endMinute: 765, label: "Lunch" },
      });
    }
    const client = await createUser();
    const data = [];
    for (let index = 0; index < 300; index++) {
      const therapist = therapists[index % 3]!;
      const dayIndex = Math.floor(index / 3) % 7;
      const slot = Math.floor(index / 21);
      const { start } = clinicDayBounds(addDays(MONDAY, dayIndex), TZ);
      const startsAt = new Date(start.getTime() + (8 * 60 + slot * 30) * 60_000);
      data.push(
        bookingData({ clientId: client.id, therapistId: therapist.id, service, startsAt, status: "CONFIRMED" }),
      );
    }
    await prisma.booking.createMany({ data });
    const admin = await createUser({ role: "ADMIN" });
    const viewer = await loadStaffViewer({ id: admin.id, role: "ADMIN" });
    const query = { from: MONDAY, to: addDays(MONDAY, 6), timeZone: TZ };
    await loadSchedule(viewer, query); // warm: the first statements of a process also prepare

    const { result, statements } = await countStatements(() => loadSchedule(viewer, query));
    const ours = result.bookings.filter((b) => therapists.some((t) => t.id === b.therapistId));
    expect(ours).toHaveLength(300);
    expect(statements).toBeGreaterThan(0);
    expect(statements).toBeLessThanOrEqual(5);

    const days = layOutSchedule(result);
    expect(days.map((d) => d.date)).toEqual([0, 1, 2, 3, 4, 5, 6].map((n) => addDays(MONDAY, n)));
    const monday = days[0]!.therapists.find((t) => t.therapistId === therapists[0]!.id)!;
    expect(monday.breaks.map((b) => b.label)).toEqual(["Lunch"]);
    expect(monday.working[0]?.start.toISOString()).toBe("2031-03-03T14:00:00.000Z");
  });

  it("shows a live hold, hides a lapsed one", async () => {
    const service = await createService();
    const therapist = await createTherapist();
    const [a, b] = [await createUser(), await createUser()];
    const { start } = clinicDayBounds("2031-04-01", TZ);
    const live = await prisma.booking.create({
      data: bookingData({
        clientId: a.id,
        therapistId: therapist.id,
        service,
        startsAt: new Date(start.getTime() + 9 * 3_600_000),
        status: "PENDING_PAYMENT",
      }),
    });
    const lapsed = await prisma.booking.create({
      data: {
        ...bookingData({
          clientId: b.id,
          therapistId: therapist.id,
          service,
          startsAt: new Date(start.getTime() + 12 * 3_600_000),
          status: "PENDING_PAYMENT",
        }),
        holdExpiresAt: new Date(Date.now() - 60_000),
      },
    });
    const admin = await createUser({ role: "ADMIN" });
    const viewer = await loadStaffViewer({ id: admin.id, role: "ADMIN" });
    const schedule = await loadSchedule(viewer, {
      from: "2031-04-01",
      to: "2031-04-01",
      therapist: therapist.id,
      timeZone: TZ,
    });
    expect(schedule.bookings.map((x) => [x.id, x.liveHold])).toEqual([[live.id, true]]);
    expect(schedule.bookings.some((x) => x.id === lapsed.id)).toBe(false);
  });
});
