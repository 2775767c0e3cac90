// Which booked visits a change to a therapist's week would strand, as a table: the same reading of
// a week as the availability engine's (treatment inside hours, clear of breaks and time off, the
// buffer free to run on), daylight-saving days included.
import { describe, expect, it } from "vitest";
import type { WeeklyWindow } from "@/lib/availability/compute-slots";
import {
  findBookingsDuring,
  findStrandedBookings,
  fitsWeek,
  type TherapistWeek,
} from "@/lib/hours/find-stranded-bookings";
import { wallTimeToUtc } from "@/lib/time/clinic-time";

const NY = "America/New_York";
// Tuesday 1 December 2026 (weekday 2), in New York.
const at = (hour: number, minute = 0, day = 1, month = 12) =>
  wallTimeToUtc({ year: 2026, month, day, hour, minute }, NY);
const visit = (id: string, start: Date, minutes: number) => ({
  id,
  startsAt: start,
  endsAt: new Date(start.getTime() + minutes * 60_000),
});
const hours = (weekday: number, from: number, to: number): WeeklyWindow => ({
  weekday,
  startMinute: from * 60,
  endMinute: to * 60,
});
const week = (parts: Partial<TherapistWeek> = {}): TherapistWeek => ({
  workingHours: [hours(2, 9, 17)],
  breaks: [],
  timeOff: [],
  ...parts,
});

describe("fitsWeek", () => {
  it.each([
    ["inside hours", visit("a", at(10), 60), week(), true],
    ["ending at closing time", visit("a", at(16), 60), week(), true],
    ["running past closing", visit("a", at(16, 30), 60), week(), false],
    ["before opening", visit("a", at(8, 30), 60), week(), false],
    ["on a day off", visit("a", at(10, 0, 2), 60), week(), false],
    [
      "across two touching ranges",
      visit("a", at(11, 30), 60),
      week({ workingHours: [hours(2, 9, 12), hours(2, 12, 17)] }),
      true,
    ],
    [
      "in a gap between ranges",
      visit("a", at(11, 30), 60),
      week({ workingHours: [hours(2, 9, 12), hours(2, 13, 17)] }),
      false,
    ],
    ["touching a break", visit("a", at(12), 60), week({ breaks: [hours(2, 12, 13)] }), false],
    ["ending as a break starts", visit("a", at(11), 60), week({ breaks: [hours(2, 12, 13)] }), true],
    ["in time off", visit("a", at(10), 60), week({ timeOff: [{ startsAt: at(9), endsAt: at(11) }] }), false],
    [
      "across midnight in joined hours",
      visit("a", at(23, 30), 60),
      week({ workingHours: [hours(2, 18, 24), hours(3, 0, 2)] }),
      true,
    ],
    // Sunday 8 March 2026: 2:00-3:00 AM does not exist; 1:00-4:00 AM lasts two hours.
    ["on a spring-forward night", visit("a", at(1, 30, 8, 3), 90), week({ workingHours: [hours(0, 1, 4)] }), true],
    [
      "past the end of a spring-forward night's hours",
      visit("a", at(1, 30, 8, 3), 150),
      week({ workingHours: [hours(0, 1, 4)] }),
      false,
    ],
  ])("a visit %s: %s", (_, booking, schedule, fits) => {
    expect(fitsWeek(booking, schedule, NY)).toBe(fits);
  });
});

describe("findStrandedBookings", () => {
  const morning = visit("morning", at(9, 30), 60);
  const afternoon = visit("afternoon", at(15, 30), 60);
  const offHours = visit("by-phone", at(18), 60); // placed outside the hours on purpose
  const bookings = [morning, afternoon, offHours];

  it.each([
    ["nothing changes", week(), []],
    ["hours shortened at the end", week({ workingHours: [hours(2, 9, 16)] }), ["afternoon"]],
    ["hours start later", week({ workingHours: [hours(2, 10, 17)] }), ["morning"]],
    ["the weekday removed", week({ workingHours: [hours(3, 9, 17)] }), ["morning", "afternoon"]],
    ["a break over a visit", week({ breaks: [hours(2, 15, 16)] }), ["afternoon"]],
    ["hours lengthened", week({ workingHours: [hours(2, 8, 20)] }), []],
  ])("%s strands %j", (_, after, stranded) => {
    expect(findStrandedBookings(bookings, { before: week(), after }, NY).map((b) => b.id)).toEqual(stranded);
  });
});

describe("findBookingsDuring", () => {
  const booking = visit("v", at(10), 60);
  it.each([
    ["over the visit", at(9), at(12), ["v"]],
    ["ending as it starts", at(8), at(10), []],
    ["starting as it ends", at(11), at(12), []],
    ["inside it", at(10, 15), at(10, 30), ["v"]],
  ])("time off %s", (_, startsAt, endsAt, found) => {
    expect(findBookingsDuring([booking], { startsAt, endsAt }).map((b) => b.id)).toEqual(found);
  });
});
