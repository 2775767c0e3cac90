// The booking's calendar file, read back with a calendar parser: the right instant, one stable UID,
// and a method that calendars import without asking the client to "accept" anything.
import ical, { type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { SYMPTOM_ADVICE } from "@/lib/clinical/symptom-advice";
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

  it("tells the client what to do about symptoms: a doctor today for one calf, 911 for the chest", () => {
    const description = String(onlyEvent(buildBookingCalendar(booking, "https://clinic.example")).description);
    expect(description).toContain(SYMPTOM_ADVICE.sameDay);
    expect(description).toContain(SYMPTOM_ADVICE.emergency);
    expect(description).toMatch(/doctor today/);
    expect(description).not.toMatch(/call us .*before you come/i);
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

// Clinic wall times around New York's daylight-saving changes, as UTC instants: the file states each
// in UTC, so a calendar in any zone shows the visit at the clinic's wall time.
const DST_CASES = [
  { label: "the Saturday before spring forward (EST)", startsAt: "2027-03-13T15:00:00Z", wall: "10:00 AM" },
  { label: "the Sunday clocks spring forward (EDT)", startsAt: "2027-03-14T14:00:00Z", wall: "10:00 AM" },
  { label: "the first 1:30 of the fall-back night (EDT)", startsAt: "2026-11-01T05:30:00Z", wall: "1:30 AM" },
  { label: "the second 1:30 of the fall-back night (EST)", startsAt: "2026-11-01T06:30:00Z", wall: "1:30 AM" },
] as const;

describe("booking calendar file across daylight-saving changes", () => {
  it.each(DST_CASES)("$label reads back as the same instant", ({ startsAt, wall }) => {
    const start = new Date(startsAt);
    const text = buildBookingCalendar(
      { ...booking, startsAt: start, endsAt: new Date(start.getTime() + 3_600_000), sequence: 0 },
      "https://clinic.example",
      "REQUEST",
    );
    const event = onlyEvent(text);
    expect(new Date(event.start).toISOString()).toBe(start.toISOString());
    expect(
      new Intl.DateTimeFormat("en-US", { timeZone: "America/New_York", hour: "numeric", minute: "2-digit" }).format(
        new Date(event.start),
      ),
    ).toBe(wall);
  });
});
