// Session lifetimes: idle and absolute limits by role, and how often lastSeenAt is written.
import { describe, expect, it } from "vitest";
import { judgeSession, SESSION_TOUCH_INTERVAL_SECONDS, type SessionVerdict } from "@/lib/auth/session-policy";
import type { Role } from "@/lib/generated/prisma/enums";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = new Date("2026-11-23T12:00:00Z");
const before = (ms: number) => new Date(NOW.getTime() - ms);

// role, signed in, last seen, absolute end fixed at sign-in (from now), verdict
const CASES: [Role, number, number, number, SessionVerdict][] = [
  ["CLIENT", HOUR, 1 * MINUTE, 29 * DAY, "live"],
  ["CLIENT", HOUR, 6 * MINUTE, 29 * DAY, "live_touch"],
  ["CLIENT", 8 * DAY, 6 * DAY + 23 * HOUR, 22 * DAY, "live_touch"],
  ["CLIENT", 8 * DAY, 7 * DAY, 22 * DAY, "idle"],
  ["CLIENT", 29 * DAY, 1 * MINUTE, 1 * DAY, "live"],
  ["CLIENT", 30 * DAY, 1 * MINUTE, 0, "expired"],
  ["THERAPIST", HOUR, 11 * HOUR, 7 * DAY, "live_touch"],
  ["THERAPIST", DAY, 12 * HOUR, 6 * DAY, "idle"],
  ["ADMIN", DAY, 12 * HOUR + MINUTE, 6 * DAY, "idle"],
  ["ADMIN", 6 * DAY, 1 * MINUTE, 1 * DAY, "live"],
  ["ADMIN", 7 * DAY, 1 * MINUTE, 0, "expired"],
  // Promoted after signing in as a client: the staff limits apply from the original sign-in.
  ["THERAPIST", 8 * DAY, 1 * MINUTE, 22 * DAY, "expired"],
  ["THERAPIST", 2 * DAY, 13 * HOUR, 28 * DAY, "idle"],
];

describe("judgeSession", () => {
  it.each(CASES)("%s signed in %i ms ago, seen %i ms ago, %i ms left → %s", (role, age, idle, left, verdict) => {
    const session = { createdAt: before(age), lastSeenAt: before(idle), expires: new Date(NOW.getTime() + left) };
    expect(judgeSession(session, role, NOW)).toBe(verdict);
  });

  it("touches lastSeenAt at most once every few minutes", () => {
    expect(SESSION_TOUCH_INTERVAL_SECONDS).toBeGreaterThanOrEqual(60);
    expect(SESSION_TOUCH_INTERVAL_SECONDS).toBeLessThanOrEqual(15 * 60);
  });
});
