// How long a signed-in session lasts. Staff sessions open health records, so they end sooner: after
// 12 hours without use and 7 days after sign-in at the latest. Clients: 7 days idle, 30 days in all.
// The limits follow the account's current role, so a promotion to staff shortens a live session.
import type { Role } from "@/lib/generated/prisma/enums";

const HOUR = 60 * 60;
const DAY = 24 * HOUR;

export interface SessionLimits {
  idleSeconds: number;
  absoluteSeconds: number;
}

export const CLIENT_SESSION_LIMITS: SessionLimits = { idleSeconds: 7 * DAY, absoluteSeconds: 30 * DAY };
export const STAFF_SESSION_LIMITS: SessionLimits = { idleSeconds: 12 * HOUR, absoluteSeconds: 7 * DAY };

// lastSeenAt is written at most this often: a database write on every request would cost more than
// a few minutes of precision on a timeout measured in hours.
export const SESSION_TOUCH_INTERVAL_SECONDS = 5 * 60;

// The session cookie (an Auth.js JWT) lives as long as the longest session; the Session row decides.
export const SESSION_COOKIE_MAX_AGE_SECONDS = CLIENT_SESSION_LIMITS.absoluteSeconds;

export function sessionLimitsFor(role: Role): SessionLimits {
  return role === "CLIENT" ? CLIENT_SESSION_LIMITS : STAFF_SESSION_LIMITS;
}

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  expires: Date;
}

export type SessionVerdict = "live" | "live_touch" | "idle" | "expired";

export function judgeSession(session: SessionTimes, role: Role, now: Date): SessionVerdict {
  const limits = sessionLimitsFor(role);
  const at = now.getTime();
  const absoluteEnd = Math.min(session.expires.getTime(), session.createdAt.getTime() + limits.absoluteSeconds * 1000);
  if (at >= absoluteEnd) return "expired";
  const idleFor = at - session.lastSeenAt.getTime();
  if (idleFor >= limits.idleSeconds * 1000) return "idle";
  return idleFor >= SESSION_TOUCH_INTERVAL_SECONDS * 1000 ? "live_touch" : "live";
}
