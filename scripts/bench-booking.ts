// The booking side of `npm run bench`: the pure availability computation, and the availability and
// booking endpoints against a trivial JSON route measured on the same server in the same run, on the
// embedded database or on PostgreSQL. Latency figures (p50/p95/max of every response autocannon saw)
// mean something only as ratios to GET /api/me measured beside them.
import { spawnSync } from "node:child_process";
import autocannon from "autocannon";
import { CURRENT_CONSENT } from "@/lib/clinical/consent";
import { hashPassword } from "@/lib/auth/password";
import { createDatabase } from "@/lib/db/create-client";
import { applyMigrations } from "@/lib/db/migrate";
import { closePglite } from "@/lib/db/pglite";
import { pgliteConnection, postgresConnection } from "@/lib/db/sql-connection";
import { DEMO_PASSWORD, seedDemoData } from "@/lib/dev/demo/seed-demo";
import { parseEnv } from "@/lib/env";
import {
  computeSlots,
  type BookedTime,
  type ComputeSlotsInput,
  type TherapistSchedule,
} from "@/lib/availability/compute-slots";
import { allNoIntake } from "@/lib/booking/intake";
import { addDays, clinicDayBounds, clinicToday, clinicWeekday } from "@/lib/time/clinic-time";
import {
  atMost,
  countStatuses,
  cpuPerRequest,
  ratio,
  summariseLatencies,
  TARGETS,
  type BookingMode,
  type LatencySummary,
  type TargetVerdict,
} from "./bench-report";

export const BENCH_CLIENT_PASSWORD = "bench-harbour-lantern-2026";
/** Clients booking at once (one connection each). */
export const BENCH_CLIENTS = 20;
/** Bookings made before measuring, one per connection: the first of a process also opens pools and prepares statements. */
const WARM_UP_BOOKINGS = BENCH_CLIENTS;
const MEASURED_BOOKINGS = 200;
/** Bookings whose statements are counted one at a time (see countRequestStatements), after one warm-up. */
export const COUNTED_BOOKINGS = 5;
// Every booking is made by a client with no live hold, as a client's first booking is: a client's
// second booking releases the first hold and expires its checkout, which is another path (and cost).
const BENCH_ACCOUNTS = WARM_UP_BOOKINGS + MEASURED_BOOKINGS + COUNTED_BOOKINGS + 1;
const SERVICE = "second-heart-massage-60";
const CLEAR_INTAKE = allNoIntake();

/** Where the bench server keeps its data: a throwaway embedded directory, or a PostgreSQL database. */
export type BenchDatabase = { kind: "embedded"; dataDir: string } | { kind: "postgresql"; url: string };

// ---------------------------------------------------------------- data

/**
 * Prepares the bench server's database before it starts (the embedded one admits one process at a
 * time): migrated with the project's runner, the demo catalogue, clients of the bench's own to sign
 * in as, and a busy week for the week view.
 */
export async function seedBenchDatabase(database: BenchDatabase): Promise<{ email: string; password: string }[]> {
  // Through parseEnv, so the client gets every setting createDatabase reads, with their defaults.
  const { prisma, pglite } = createDatabase(
    parseEnv({
      NODE_ENV: "test",
      DATABASE_URL: database.kind === "postgresql" ? database.url : "",
      DATABASE_POOL_SIZE: "1",
      PGLITE_DATA_DIR: database.kind === "embedded" ? database.dataDir : "memory://",
      AUTH_SECRET: BENCH_AUTH_SECRET,
    }),
  );
  try {
    const connection = pglite
      ? pgliteConnection(pglite)
      : await postgresConnection(database.kind === "postgresql" ? database.url : "");
    try {
      await applyMigrations(connection);
    } finally {
      await connection.close();
    }
    if ((await prisma.booking.count()) > 0) {
      throw new Error(
        "the bench needs a database without bookings: point DATABASE_URL at an empty one, or use --postgres",
      );
    }
    await seedDemoData(prisma);
    const passwordHash = await hashPassword(BENCH_CLIENT_PASSWORD);
    const clients = Array.from({ length: BENCH_ACCOUNTS }, (_, index) => ({
      email: `bench-client-${index}@clinic.test`,
      name: `Bench Client ${index}`,
    }));
    await prisma.user.createMany({
      // Confirmed, as a client must be to sign in.
      data: clients.map((client) => ({ ...client, role: "CLIENT", passwordHash, emailVerified: new Date() })),
      skipDuplicates: true,
    });
    // Returning clients: the consent was signed before, so each booking measures the usual request.
    const signers = await prisma.user.findMany({
      where: { email: { in: clients.map((client) => client.email) } },
      select: { id: true, name: true },
    });
    await prisma.consentSignature.createMany({
      data: signers.map((signer) => ({
        userId: signer.id,
        version: CURRENT_CONSENT.version,
        signedName: signer.name ?? "",
      })),
      skipDuplicates: true,
    });
    await seedBusyWeek(prisma);
    return clients.map((client) => ({ email: client.email, password: BENCH_CLIENT_PASSWORD }));
  } finally {
    await prisma.$disconnect();
    if (pglite && database.kind === "embedded") await closePglite(pglite, database.dataDir);
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
      intake: CLEAR_INTAKE,
    };
  });
  await prisma.booking.createMany({ data });
}

// ---------------------------------------------------------------- pure computation

/** A month of slots for five therapists with lunch breaks, time off and a full book of visits. */
export function benchSlotComputation(): { msPerRun: number; runs: number; target: TargetVerdict } {
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
    msPerRun: perRun,
    runs,
    target: atMost("availability computation, a month × 5 therapists", perRun, TARGETS.computeMonthMs, "ms per run"),
  };
}

// ---------------------------------------------------------------- statements per request

/**
 * Statement counts from the database test that counts them at the driver
 * (tests/db/request-statements.test.ts: node-postgres's Client.query, or PGlite's calls), run on the
 * same kind of database as the server under test: on PostgreSQL, on the bench's own database.
 */
export function statementCounts(database: BenchDatabase): { availability: number; booking: number } | null {
  const run = spawnSync("npx", ["vitest", "run", "--project", "db", "tests/db/request-statements.test.ts"], {
    encoding: "utf8",
    timeout: 120_000,
    env: {
      ...process.env,
      PRINT_STATEMENT_COUNTS: "1",
      DATABASE_URL: database.kind === "postgresql" ? database.url : "",
      AUTH_SECRET: process.env.AUTH_SECRET || BENCH_AUTH_SECRET,
    },
  });
  const match = /STATEMENTS availability=(\d+) booking=(\d+)/.exec(`${run.stdout}${run.stderr}`);
  return match ? { availability: Number(match[1]), booking: Number(match[2]) } : null;
}

/** Signs the bench server's sessions when nothing else is given (the bench's own throwaway data only). */
export const BENCH_AUTH_SECRET = "bench-only-secret-not-for-any-real-deployment-0123456789";

// ---------------------------------------------------------------- HTTP

async function measure(options: autocannon.Options): Promise<LatencySummary> {
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  await new Promise<void>((resolve, reject) => {
    const instance = autocannon(options, (error) => (error ? reject(error) : resolve()));
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses.set(statusCode, (statuses.get(statusCode) ?? 0) + 1);
    });
  });
  return summariseLatencies(latencies, statuses);
}

function cookieHeader(setCookies: string[]): string {
  return setCookies.map((cookie) => cookie.split(";")[0]).join("; ");
}

/**
 * Signs a client in through Auth.js's credentials endpoint and returns the cookie to send. Each bench
 * client signs in from an address of its own (X-Forwarded-For, which the server trusts one hop of, as
 * behind one proxy): from one address, the sign-in throttle stops a few hundred clients, as it should.
 */
async function signIn(origin: string, email: string, password: string, clientNumber = 0): Promise<string> {
  const forwardedFor = `10.${77 + Math.floor(clientNumber / 62_500)}.${Math.floor(clientNumber / 250) % 250}.${(clientNumber % 250) + 1}`;
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookieHeader(csrf.headers.getSetCookie());
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar,
      "x-forwarded-for": forwardedFor,
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/account` }),
  });
  const session = response.headers.getSetCookie().filter((cookie) => /session-token=/.test(cookie));
  if (session.length === 0) throw new Error(`bench sign-in failed for ${email} (${response.status})`);
  return cookieHeader(session);
}

/** Signs every client in, a few at a time; their cookies in the same order. */
async function signInAll(origin: string, clients: { email: string; password: string }[]): Promise<string[]> {
  const cookies: string[] = [];
  const atOnce = 4;
  for (let first = 0; first < clients.length; first += atOnce) {
    const batch = clients.slice(first, first + atOnce);
    cookies.push(
      ...(await Promise.all(
        batch.map((client, index) => signIn(origin, client.email, client.password, first + index + 1)),
      )),
    );
  }
  return cookies;
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

function endpoint(summary: LatencySummary, concurrency: number, me: LatencySummary | null) {
  return { ...summary, concurrency, p95RatioToMe: me === null ? 1 : ratio(summary.p95, me.p95) };
}

/** The whole clinic's week with 300 bookings, as an admin sees it, beside GET /api/me for the same admin. */
export async function benchWeekView(origin: string, seconds: number): Promise<BookingMode["weekView"]> {
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
  return { ...endpoint(week, 10, trivial), bookingsShown: TARGETS.weekViewBookings };
}

export interface BookingEndpointFigures {
  me: BookingMode["me"];
  availability: BookingMode["availability"];
  bookings: BookingMode["bookings"];
  serverCpu: BookingMode["serverCpu"];
  failures: string[];
}

/** One booking per client (cookies[i] books starts[i]), BENCH_CLIENTS at a time. */
async function postBookings(origin: string, cookies: string[], starts: string[]): Promise<LatencySummary> {
  let next = 0;
  return measure({
    url: `${origin}/api/bookings`,
    connections: Math.min(BENCH_CLIENTS, starts.length),
    amount: starts.length,
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const index = next++;
          return {
            ...request,
            headers: { "content-type": "application/json", cookie: cookies[index] ?? "" },
            body: JSON.stringify({ service: SERVICE, start: starts[index], intake: CLEAR_INTAKE }),
          };
        },
      },
    ],
  });
}

export async function benchBookingEndpoints(
  origin: string,
  clients: { email: string; password: string }[],
  seconds: number,
  serverCpuMs: () => number | null = () => null,
): Promise<BookingEndpointFigures> {
  const failures: string[] = [];
  const today = clinicToday("America/New_York");
  const availabilityUrl = `${origin}/api/availability?service=${SERVICE}&from=${addDays(today, 1)}&to=${addDays(today, 7)}`;
  const trivialUrl = `${origin}/api/me`;
  // Warm both routes, then measure them side by side.
  await measure({ url: trivialUrl, connections: 2, duration: 1 });
  await measure({ url: availabilityUrl, connections: 2, duration: 1 });
  const trivial = await measure({ url: trivialUrl, connections: 10, duration: seconds });
  const availability = await measure({ url: availabilityUrl, connections: 10, duration: seconds });

  const bookers = clients.slice(0, WARM_UP_BOOKINGS + MEASURED_BOOKINGS);
  const cookies = await signInAll(origin, bookers);
  const starts = await freeStarts(origin, bookers.length);
  if (starts.length <= WARM_UP_BOOKINGS) throw new Error(`only ${starts.length} free times to book`);
  const warmUp = await postBookings(origin, cookies, starts.slice(0, WARM_UP_BOOKINGS));
  const cpuBeforeMe = serverCpuMs();
  const trivialAtConcurrency = await measure({ url: trivialUrl, connections: BENCH_CLIENTS, duration: seconds });
  const cpuBeforeBookings = serverCpuMs();
  const bookings = await postBookings(origin, cookies.slice(WARM_UP_BOOKINGS), starts.slice(WARM_UP_BOOKINGS));
  const cpuAfterBookings = serverCpuMs();

  const created = bookings.statuses["201"] ?? 0;
  const serverErrors = countStatuses(bookings, 500, 600) + countStatuses(warmUp, 500, 600);
  if (serverErrors > 0) failures.push(`POST /api/bookings: ${serverErrors} responses were 5xx`);
  if (created === 0) failures.push(`POST /api/bookings created nothing: ${JSON.stringify(bookings.statuses)}`);
  return {
    me: {
      at10: endpoint(trivial, 10, null),
      atBookingConcurrency: endpoint(trivialAtConcurrency, BENCH_CLIENTS, null),
    },
    availability: endpoint(availability, 10, trivial),
    bookings: { ...endpoint(bookings, BENCH_CLIENTS, trivialAtConcurrency), created, serverErrors },
    serverCpu: cpuPerRequest(
      { before: cpuBeforeMe, after: cpuBeforeBookings, requests: trivialAtConcurrency.requests },
      { before: cpuBeforeBookings, after: cpuAfterBookings, requests: bookings.requests },
    ),
    failures,
  };
}

/**
 * Statements each whole request sends to the database, read from a counter of the server's wire
 * traffic (scripts/bench-statement-proxy.ts): requests one at a time, after one warm-up of each, so
 * nothing else runs between two readings. Each reading waits for the counter to stay still, since
 * work may finish just after the response is sent.
 */
export async function countRequestStatements(
  origin: string,
  clients: { email: string; password: string }[],
  wire: { statements(): number; record(): () => string[] },
): Promise<{ availability: number[]; booking: number[]; oneBooking: string[] }> {
  const statementsSoFar = () => wire.statements();
  const counting = clients.slice(-(COUNTED_BOOKINGS + 1));
  const cookies = await signInAll(origin, counting);
  const starts = await freeStarts(origin, counting.length);
  if (starts.length < counting.length) throw new Error(`only ${starts.length} free times to count statements with`);
  const today = clinicToday("America/New_York");
  const availabilityUrl = `${origin}/api/availability?service=${SERVICE}&from=${addDays(today, 1)}&to=${addDays(today, 7)}`;
  const settled = async (): Promise<number> => {
    let last = statementsSoFar();
    for (let check = 0; check < 20; check++) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      const now = statementsSoFar();
      if (now === last) return now;
      last = now;
    }
    return last;
  };
  const counted = async (request: () => Promise<Response>, expected: number): Promise<number> => {
    const before = await settled();
    const response = await request();
    await response.arrayBuffer();
    if (response.status !== expected) throw new Error(`${response.url}: ${response.status}, expected ${expected}`);
    return (await settled()) - before;
  };
  // Each booking by a client of its own, with no live hold.
  const book = (index: number) => () =>
    fetch(`${origin}/api/bookings`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: cookies[index] ?? "" },
      body: JSON.stringify({ service: SERVICE, start: starts[index], intake: CLEAR_INTAKE }),
    });
  const availability: number[] = [];
  const booking: number[] = [];
  let oneBooking: string[] = [];
  await counted(() => fetch(availabilityUrl), 200);
  await counted(book(0), 201);
  for (let index = 1; index < counting.length; index++) {
    availability.push(await counted(() => fetch(availabilityUrl), 200));
    const stop = booking.length === 0 ? wire.record() : null;
    booking.push(await counted(book(index), 201));
    // The first measured booking's statements, in order, for whoever is cutting them.
    if (stop) oneBooking = stop().map((sql) => sql.replace(/\s+/g, " ").slice(0, 300));
  }
  return { availability, booking, oneBooking };
}
