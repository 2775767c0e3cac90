// The demo fortnight's plan, for any moment the seed might run (weekdays, weekends, late evening,
// daylight-saving weeks): every visit inside its therapist's hours and clear of breaks, no therapist
// or client in two places at once, visits done before now and confirmed after it, and the visits a
// newcomer is shown (a trend, a no-show, a refund, an unpaid hold, the demo client's own) all there.
import { describe, expect, it } from "vitest";
import { planDemoFortnight, type PlanTherapist, type PlannedVisit } from "@/lib/dev/demo/seed-fortnight";
import { DEMO_THERAPISTS } from "@/lib/dev/demo/therapists";
import { toWallTime } from "@/lib/time/clinic-time";

const TZ = "America/New_York";
const minutes = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const THERAPISTS: PlanTherapist[] = DEMO_THERAPISTS.map((t, index) => ({
  id: `t${index}`,
  userId: `u${index}`,
  hours: t.hours.map((h) => ({ weekday: h.weekday, startMinute: minutes(h.start), endMinute: minutes(h.end) })),
  breaks: t.breaks.map((b) => ({ weekday: b.weekday, startMinute: minutes(b.start), endMinute: minutes(b.end) })),
  services: [
    { id: "s30", name: "Calf Reset", durationMinutes: 30, bufferMinutes: 10, priceCents: 5500, currency: "usd" },
    { id: "s60", name: "Second Heart", durationMinutes: 60, bufferMinutes: 15, priceCents: 9500, currency: "usd" },
  ],
}));
const CLIENTS = {
  trend: "alex",
  demo: "casey",
  hold: "jamie",
  others: ["noor", "sam", "morgan", "taylor", "riley", "devon"],
};

const NOWS = [
  "2026-11-23T15:10:00Z", // Monday afternoon
  "2026-11-26T23:30:00Z", // Thursday evening, after hours
  "2026-11-28T14:00:00Z", // Saturday
  "2026-03-09T13:20:00Z", // the Monday after spring-forward
  "2026-11-02T12:00:00Z", // the Monday after fall-back
  "2026-11-23T14:30:00Z", // during a visit (Maya's 9:00 one runs to 9:30 EST = 14:30Z)
];

const wallMinute = (instant: Date) => {
  const wall = toWallTime(instant, TZ);
  return wall.hour * 60 + wall.minute;
};
const weekdayOf = (instant: Date) => {
  const wall = toWallTime(instant, TZ);
  return new Date(Date.UTC(wall.year, wall.month - 1, wall.day)).getUTCDay();
};
const overlap = (a: PlannedVisit, b: PlannedVisit) => a.startsAt < b.blockedUntil && b.startsAt < a.blockedUntil;

describe.each(NOWS)("demo fortnight planned at %s", (iso) => {
  const now = new Date(iso);
  const visits = planDemoFortnight({ now, timeZone: TZ, therapists: THERAPISTS, clients: CLIENTS });

  it("keeps every visit inside its therapist's hours and clear of their breaks", () => {
    for (const visit of visits) {
      const therapist = THERAPISTS.find((t) => t.id === visit.therapistId) as PlanTherapist;
      const weekday = weekdayOf(visit.startsAt);
      const start = wallMinute(visit.startsAt);
      const blocked = start + (visit.blockedUntil.getTime() - visit.startsAt.getTime()) / 60_000;
      const hours = therapist.hours.filter((h) => h.weekday === weekday);
      expect(
        hours.some((h) => h.startMinute <= start && blocked <= h.endMinute),
        visit.startsAt.toISOString(),
      ).toBe(true);
      const breaks = therapist.breaks.filter((b) => b.weekday === weekday);
      expect(breaks.some((b) => start < b.endMinute && b.startMinute < blocked)).toBe(false);
    }
  });

  it("never puts a therapist or a client in two places at once", () => {
    const live = visits.filter((v) => v.status !== "CANCELLED");
    for (const [i, a] of live.entries()) {
      for (const b of live.slice(i + 1)) {
        if (a.therapistId === b.therapistId || a.clientId === b.clientId) expect(overlap(a, b)).toBe(false);
      }
    }
  });

  it("has ended visits done and later ones still to come", () => {
    for (const visit of visits) {
      if (visit.endsAt <= now) expect(["COMPLETED", "NO_SHOW", "CANCELLED"]).toContain(visit.status);
      else if (visit.startsAt > now) expect(["CONFIRMED", "PENDING_PAYMENT"]).toContain(visit.status);
      else expect(visit.status).toBe("CHECKED_IN");
    }
  });

  it("shows a trend, a no-show, a refund, a hold and the demo client's own visits", () => {
    const count = (status: string) => visits.filter((v) => v.status === status).length;
    expect(count("NO_SHOW")).toBe(1);
    expect(count("CANCELLED")).toBe(1);
    expect(count("PENDING_PAYMENT")).toBe(1);
    expect(count("CONFIRMED")).toBeGreaterThanOrEqual(3);
    expect(count("COMPLETED")).toBeGreaterThanOrEqual(10);
    const trend = visits.filter((v) => v.clientId === "alex" && v.status === "COMPLETED");
    expect(trend.map((v) => v.trendIndex)).toEqual([0, 1, 2, 3]);
    expect(new Set(trend.map((v) => v.therapistId))).toEqual(new Set(["t0"]));
    const casey = visits.filter((v) => v.clientId === "casey").map((v) => v.status);
    expect(casey.sort()).toEqual(["CANCELLED", "COMPLETED", "CONFIRMED"]);
  });
});
