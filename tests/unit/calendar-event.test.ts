// The booking's calendar file, read back with a calendar parser: the right instant, one stable UID,
// and a method that calendars import without asking the client to "accept" anything.
import ical, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { bookingUid, buildBookingCalendar } from "@/lib/notifications/calendar-event";

const booking = {
  id: "bk_123",
  status: "CONFIRMED",
  startsAt: new Date("2026-12-01T14:00:00Z"),
  endsAt: new Date("2026-12-01T15:00:00Z"),
  serviceName: "Second Heart Calf Massage",
  therapistName: "Maya Lindqvist",
};

function onlyEvent(text: string) {
  const events = Object.values(ical.sync.parseICS(text)).filter((entry) => entry?.type === "VEVENT");
  expect(events).toHaveLength(1);
  return events[0] as VEvent;
}

describe("booking calendar file", () => {
  it("holds the visit's instant, the clinic's address and the booking's UID", () => {
    const text = buildBookingCalendar(booking, "https://clinic.example");
    const event = onlyEvent(text);
    expect(new Date(event.start).toISOString()).toBe("2026-12-01T14:00:00.000Z");
    expect(new Date(event.end as Date).toISOString()).toBe("2026-12-01T15:00:00.000Z");
    expect(event.uid).toBe(bookingUid("bk_123"));
    expect(String(event.location)).toMatch(/Atlantic Avenue/);
    expect(text).toMatch(/METHOD:PUBLISH/);
  });

  it("keeps the UID and raises the sequence for an update sent by email, and cancels by the same UID", () => {
    const moved = buildBookingCalendar({ ...booking, sequence: 1 }, "https://clinic.example", "REQUEST");
    expect(onlyEvent(moved).uid).toBe(bookingUid("bk_123"));
    expect(moved).toMatch(/SEQUENCE:1/);
    expect(moved).toMatch(/METHOD:REQUEST/);
    const cancelled = buildBookingCalendar(
      { ...booking, status: "CANCELLED", sequence: 2 },
      "https://clinic.example",
      "REQUEST",
    );
    expect(cancelled).toMatch(/METHOD:CANCEL/);
    expect(onlyEvent(cancelled).uid).toBe(bookingUid("bk_123"));
  });
});
