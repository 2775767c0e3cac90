// The booking side of `npm run bench`: the pure availability computation, and the availability and
// booking endpoints against a trivial JSON route measured on the same server in the same run.
// Latency figures are p95s of every response autocannon saw; they mean something only as ratios.
import { spawnSync } from "node:child_process";
import autocannon from "autocannon";
import { hashPassword } from "@/lib/auth/password";
import { createDatabase } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrate";
import { closePglite } from "@/lib/db/pglite";
import { pgliteConnection } from "@/lib/db/sql-connection";
import { DEMO_PASSWORD, seedDemoData } from "@/lib/demo/seed-demo";
import {
  computeSlots,
  type BookedTime,
  type ComputeSlotsInput,
  type TherapistSchedule,
} from "@/lib/availability/compute-slots";
import { ALL_NO_ANSWERS } from "@/lib/booking/intake";
import { addDays, clinicDayBounds, clinicToday, clinicWeekday } from "@/lib/time/clinic-time";

export const BENCH_CLIENT_PASSWORD = "bench-harbour-lantern-2026";
export const BENCH_CLIENTS = 20;
const SERVICE = "second-heart-massage-60";
const CLEAR_INTAKE = ALL_NO_ANSWERS;

export const TARGETS = {
  computeMonthMs: 2,
  weekViewBookings: 300,
  availabilityP95Ratio: 2,
  bookingP95Ratio: 5,
  statementsPerRequest: 3,
};

export interface BookingBenchRow {
  label: string;
  figure: string;
  target: string;
  met: boolean;
}

// ---------------------------------------------------------------- data

/**
 * Prepares the bench server's embedded database before it starts (it admits one process at a
 * time): migrated, the demo catalogue, and clients of the bench's own to sign in as.
 */
export async function seedBenchDatabase(dataDir: string): Promise<{ email: string; password: string }[]> {
  const { prisma, pglite } = createDatabase({
    DATABASE_URL: undefined,
    DATABASE_POOL_SIZE: 1,
    DATABASE_STATEMENT_TIMEOUT_MS: 5_000,
    DATABASE_LOCK_TIMEOUT_MS: 2_000,
    DATABASE_POOL_TIMEOUT_MS: 3_000,
    PGLITE_DATA_DIR: dataDir,
  });
  if (!pglite) throw new Error("the bench seeds an embedded database only");
  try {
    await applyMigrations(pgliteConnection(pglite));
    await seedDemoData(prisma);
    const passwordHash = await hashPassword(BENCH_CLIENT_PASSWORD);
    const clients = Array.from({ length: BENCH_CLIENTS }, (_, index) => ({
      email: `bench-client-${index}@clinic.test`,
      name: `Bench Client ${index}`,
    }));
    await prisma.user.createMany({ data: clients.map((client) => ({ ...client, role: "CLIENT", passwordHash })) });
    await seedBusyWeek(prisma);
    return clients.map((client) => ({ email: client.email, password: BENCH_CLIENT_PASSWORD }));
  } finally {
    await prisma.$disconnect();
    await closePglite(pglite, dataDir);
  }
}

/** The Monday of the week the week-view bench reads: past the booking horizon, so the booking bench never competes for it. */
export function busyWeekMonday(): string {
  const later = addDays(clinicToday(BENCH_TIME_ZONE), 70);
  return addDays(later, -((clinicWeekday(later) + 6) % 7));
}

const BENCH_TIME_ZONE = "America/New_York";

/** 300 confirmed visits in one week across the demo therapists, packed back to back (the view's worst case). */
async function seedBusyWeek(prisma: ReturnType<typeof createDatabase>["prisma"]): Promise<void> {
  const [therapists, service, client] = await Promise.all([
    prisma.therapist.findMany({ select: { id: true }, orderBy: { slug: "asc" } }),
    prisma.service.findFirstOrThrow({ where: { slug: SERVICE } }),
    prisma.user.findFirstOrThrow({ where: { email: "bench-client-0@clinic.test" }, select: { id: true } }),
  ]);
  const monday = busyWeekMonday();
  const perTherapistDay = Math.ceil(TARGETS.weekViewBookings / (therapists.length * 7));
  const stepMs = (service.durationMinutes + service.bufferMinutes) * 60_000;
  const data = Array.from({ length: TARGETS.weekViewBookings }, (_, index) => {
    const therapist = therapists[index % therapists.length]!;
    const day = Math.floor(index / therapists.length) % 7;
    const slot = Math.floor(index / (therapists.length * 7));
    if (slot >= perTherapistDay) throw new Error("the busy week does not fit");
    const startsAt = new Date(clinicDayBounds(addDays(monday, day), BENCH_TIME_ZONE).start.getTime() + slot * stepMs);
    const endsAt = new Date(startsAt.getTime() + service.durationMinutes * 60_000);
    return {
      clientId: client.id,
      therapistId: therapist.id,
      serviceId: service.id,
      status: "CONFIRMED" as const,
      startsAt,
      endsAt,
      blockedUntil: new Date(endsAt.getTime() + service.bufferMinutes * 60_000),
      serviceName: service.name,
      durationMinutes: service.durationMinutes,
      priceCents: service.priceCents,
      currency: service.currency,
      intake: ALL_NO_ANSWERS,
    };
  });
  await prisma.booking.createMany({ data });
}

// ---------------------------------------------------------------- pure computation

/** A month of slots for five therapists with lunch breaks, time off and a full book of visits. */
export function benchSlotComputation(): BookingBenchRow {
  const timeZone = "America/New_York";
  const now = new Date();
  const from = clinicToday(timeZone, now);
  const to = addDays(from, 30);
  const therapists: TherapistSchedule[] = Array.from({ length: 5 }, (_, index) => ({
    id: `t${index}`,
    name: `Therapist ${index}`,
    workingHours: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 8 * 60, endMinute: 18 * 60 })),
    breaks: [1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 12 * 60, endMinute: 12 * 60 + 45 })),
    timeOff: [
      {
        startsAt: new Date(now.getTime() + (index + 3) * 86_400_000),
        endsAt: new Date(now.getTime() + (index + 4) * 86_400_000),
      },
    ],
  }));
  const bookings: BookedTime[] = [];
  for (let day = 1; day <= 30; day++) {
    for (const therapist of therapists) {
      for (const hour of [9, 11, 14, 16]) {
        const startsAt = new Date(now.getTime() + day * 86_400_000 + hour * 3_600_000);
        bookings.push({
          therapistId: therapist.id,
          status: "CONFIRMED",
          startsAt,
          blockedUntil: new Date(startsAt.getTime() + 75 * 60_000),
          holdExpiresAt: null,
        });
      }
    }
  }
  const input: ComputeSlotsInput = {
    service: { durationMinutes: 60, bufferMinutes: 15 },
    therapists,
    bookings,
    from,
    to,
    now,
    rules: { timeZone, minNoticeMinutes: 120, horizonDays: 60, gridMinutes: 15 },
  };
  for (let warm = 0; warm < 20; warm++) computeSlots(input);
  const runs = 200;
  const started = performance.now();
  for (let run = 0; run < runs; run++) computeSlots(input);
  const perRun = (performance.now() - started) / runs;
  return {
    label: "availability computation, a month × 5 therapists",
    figure: `${perRun.toFixed(2)} ms per run (mean of ${runs})`,
    target: `≤ ${TARGETS.computeMonthMs} ms`,
    met: perRun <= TARGETS.computeMonthMs,
  };
}

// ---------------------------------------------------------------- statements per request

/** Statement counts from the database tests that count them at the driver (tests/db/*-statements). */
export function statementCounts(): { availability: number; booking: number } | null {
  const run = spawnSync("npx", ["vitest", "run", "--project", "db", "tests/db/request-statements.test.ts"], {
    encoding: "utf8",
    env: { ...process.env, PRINT_STATEMENT_COUNTS: "1" },
  });
  const match = /STATEMENTS availability=(\d+) booking=(\d+)/.exec(run.stdout + run.stderr);
  return match ? { availability: Number(match[1]), booking: Number(match[2]) } : null;
}

// ---------------------------------------------------------------- HTTP

interface Percentiles {
  p95: number;
  requests: number;
  statuses: Map<number, number>;
}

async function measure(options: autocannon.Options): Promise<Percentiles> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(options, (error) => (error ? reject(error) : resolve()));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
  latencies.sort((a, b) => a - b);
  const p95 = latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.95))] ?? Number.NaN;
  return { p95, requests: latencies.length, statuses };
}

function cookieHeader(setCookies: string[]): string {
  return setCookies.map((cookie) => cookie.split(";")[0]).join("; ");
}

/** Signs a client in through Auth.js's credentials endpoint and returns the cookie to send. */
async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookieHeader(csrf.headers.getSetCookie());
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/account` }),
  });
  const session = response.headers.getSetCookie().filter((cookie) => /session-token=/.test(cookie));
  if (session.length === 0) throw new Error(`bench sign-in failed for ${email} (${response.status})`);
  return cookieHeader(session);
}

/** Start times offered for "any therapist", spread so that no two compete for one therapist. */
async function freeStarts(origin: string, wanted: number): Promise<string[]> {
  const timeZone = "America/New_York";
  const today = clinicToday(timeZone);
  const starts: string[] = [];
  for (let offset = 1; offset <= 59 && starts.length < wanted; offset += 20) {
    const url = `${origin}/api/availability?service=${SERVICE}&from=${addDays(today, offset)}&to=${addDays(today, offset + 19)}`;
    const body = (await (await fetch(url)).json()) as { slots: { start: string }[] };
    let last = 0;
    for (const slot of body.slots) {
      const at = Date.parse(slot.start);
      if (at - last < 2 * 3_600_000) continue;
      starts.push(slot.start);
      last = at;
    }
  }
  return starts.slice(0, wanted);
}

/** The whole clinic's week with 300 bookings, as an admin sees it, beside GET /api/me for the same admin. */
export async function benchWeekView(origin: string, seconds: number): Promise<BookingBenchRow> {
  const cookie = await signIn(origin, "admin@clinic.test", DEMO_PASSWORD);
  const weekUrl = `${origin}/staff/week?day=${busyWeekMonday()}`;
  const page = await fetch(weekUrl, { headers: { cookie } });
  const html = await page.text();
  if (page.status !== 200 || !html.includes("Bench Client 0")) {
    throw new Error(`the week view did not show the bench's bookings (${page.status})`);
  }
  const headers = { cookie };
  await measure({ url: weekUrl, headers, connections: 2, duration: 1 });
  const trivial = await measure({ url: `${origin}/api/me`, headers, connections: 10, duration: seconds });
  const week = await measure({ url: weekUrl, headers, connections: 10, duration: seconds });
  const ratio = week.p95 / trivial.p95;
  return {
    label: `GET /staff/week, whole clinic, ${TARGETS.weekViewBookings} bookings, 10 connections`,
    figure: `p95 ${week.p95.toFixed(1)} ms vs ${trivial.p95.toFixed(1)} ms for GET /api/me: ${ratio.toFixed(2)}x`,
    target: "printed (≤ 5 statements is tested in tests/db/staff-schedule.test.ts)",
    met: true,
  };
}

export async function benchBookingEndpoints(
  origin: string,
  clients: { email: string; password: string }[],
  seconds: number,
): Promise<{ rows: BookingBenchRow[]; failures: string[] }> {
  const failures: string[] = [];
  const today = clinicToday("America/New_York");
  const availabilityUrl = `${origin}/api/availability?service=${SERVICE}&from=${addDays(today, 1)}&to=${addDays(today, 7)}`;
  const trivialUrl = `${origin}/api/me`;
  // Warm both routes, then measure them side by side.
  await measure({ url: trivialUrl, connections: 2, duration: 1 });
  await measure({ url: availabilityUrl, connections: 2, duration: 1 });
  const trivial = await measure({ url: trivialUrl, connections: 10, duration: seconds });
  const availability = await measure({ url: availabilityUrl, connections: 10, duration: seconds });

  const cookies: string[] = [];
  for (const client of clients) cookies.push(await signIn(origin, client.email, client.password));
  const starts = await freeStarts(origin, 200);
  let nextStart = 0;
  let nextClient = 0;
  const trivialFor20 = await measure({ url: trivialUrl, connections: 20, duration: seconds });
  const bookings = await measure({
    url: `${origin}/api/bookings`,
    connections: clients.length,
    amount: starts.length,
    requests: [
      {
        method: "POST",
        setupRequest: (request, context) => {
          // Each connection is one client, with its own session; every request a new time.
          const own = context as { cookie?: string };
          own.cookie ??= cookies[nextClient++ % cookies.length];
          const start = starts[nextStart++ % starts.length];
          return {
            ...request,
            headers: { "content-type": "application/json", cookie: own.cookie ?? "" },
            body: JSON.stringify({ service: SERVICE, start, intake: CLEAR_INTAKE }),
          };
        },
      },
    ],
  });
  const created = bookings.statuses.get(201) ?? 0;
  const serverErrors = [...bookings.statuses].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
  if (serverErrors > 0) failures.push(`POST /api/bookings: ${serverErrors} responses were 5xx`);
  if (created === 0) failures.push(`POST /api/bookings created nothing: ${JSON.stringify([...bookings.statuses])}`);

  const availabilityRatio = availability.p95 / trivial.p95;
  const bookingRatio = bookings.p95 / trivialFor20.p95;
  const rows: BookingBenchRow[] = [
    {
      label: "GET /api/availability (a week), 10 connections",
      figure: `p95 ${availability.p95.toFixed(1)} ms vs ${trivial.p95.toFixed(1)} ms for GET /api/me: ${availabilityRatio.toFixed(2)}x`,
      target: `≤ ${TARGETS.availabilityP95Ratio}x`,
      met: availabilityRatio <= TARGETS.availabilityP95Ratio,
    },
    {
      label: `POST /api/bookings, ${clients.length} clients on distinct times`,
      figure:
        `p95 ${bookings.p95.toFixed(1)} ms vs ${trivialFor20.p95.toFixed(1)} ms for GET /api/me: ${bookingRatio.toFixed(2)}x ` +
        `(${bookings.requests} requests: ${[...bookings.statuses].map(([status, n]) => `${n}×${status}`).join(", ")})`,
      target: `≤ ${TARGETS.bookingP95Ratio}x`,
      met: bookingRatio <= TARGETS.bookingP95Ratio,
    },
  ];
  return { rows, failures };
}
