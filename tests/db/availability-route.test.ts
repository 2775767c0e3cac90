// GET /api/availability and the one read behind it, on a real database: what it loads, what it
// refuses, and how many SQL statements a request costs (counted at the driver, where every
// statement Prisma sends has to pass).
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/availability/route";
import { loadAvailabilityInputs } from "@/lib/availability/load-availability-inputs";
import { prisma } from "@/lib/db";
import { NotFound } from "@/lib/errors/domain-errors";
import { addDays, clinicToday, wallTimeToUtc } from "@/lib/time/clinic-time";
import { countStatements } from "../support/count-statements";
import { ENGINE } from "../support/db-setup";
import { bookingData, createService, createTherapist, createUser } from "../support/factories";

const NY = "America/New_York"; // CLINIC_TIME_ZONE's default, which these tests run with
const EVERY_DAY = [0, 1, 2, 3, 4, 5, 6];

/** A wall-clock time in the clinic's zone, `days` from today. */
function clinicTime(days: number, hour: number, minute = 0): Date {
  const [year, month, day] = addDays(clinicToday(NY), days).split("-").map(Number) as [number, number, number];
  return wallTimeToUtc({ year, month, day, hour, minute }, NY);
}

// A service two therapists offer every day 09:00-17:00 (one with a lunch break), a third who is
// inactive, a fourth who offers something else.
async function createClinic() {
  const service = await createService({ durationMinutes: 60, bufferMinutes: 15 });
  const [ana, ben, gone, other] = await Promise.all([
    createTherapist(),
    createTherapist(),
    createTherapist(),
    createTherapist(),
  ]);
  await prisma.therapist.update({ where: { id: ana!.id }, data: { displayName: `Ana ${randomUUID().slice(0, 4)}` } });
  await prisma.therapist.update({ where: { id: gone!.id }, data: { active: false } });
  await prisma.therapistService.createMany({
    data: [ana!, ben!, gone!].map((therapist) => ({ therapistId: therapist.id, serviceId: service.id })),
  });
  await prisma.workingHours.createMany({
    data: [ana!, ben!, gone!, other!].flatMap((therapist) =>
      EVERY_DAY.map((weekday) => ({ therapistId: therapist.id, weekday, startMinute: 540, endMinute: 1020 })),
    ),
  });
  await prisma.therapistBreak.createMany({
    data: EVERY_DAY.map((weekday) => ({ therapistId: ana!.id, weekday, startMinute: 720, endMinute: 780 })),
  });
  const client = await createUser();
  return { service, ana: ana!, ben: ben!, gone: gone!, other: other!, client };
}

function availabilityRequest(params: Record<string, string>): Request {
  return new Request(`http://localhost:3000/api/availability?${new URLSearchParams(params)}`);
}

async function refusal(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (caught: unknown) => caught,
  );
}

describe(`availability inputs (${ENGINE})`, () => {
  it("loads the service, its active therapists with hours, breaks and time off, and the bookings that count", async () => {
    const { service, ana, ben, gone, client } = await createClinic();
    const now = new Date();
    await prisma.timeOff.createMany({
      data: [
        { therapistId: ben.id, startsAt: clinicTime(3, 12), endsAt: clinicTime(3, 14) }, // inside the range
        { therapistId: ben.id, startsAt: clinicTime(20, 9), endsAt: clinicTime(20, 17) }, // outside it
      ],
    });
    const make = (therapistId: string, startsAt: Date, status: Parameters<typeof bookingData>[0]["status"]) =>
      bookingData({ clientId: client.id, therapistId, service, startsAt, status });
    // Another client's: a client holds one unpaid time at most (Booking_one_hold_per_client).
    const otherClient = await createUser();
    const lapsedHold = {
      ...make(ana.id, clinicTime(3, 15), "PENDING_PAYMENT"),
      clientId: otherClient.id,
      holdExpiresAt: new Date(now.getTime() - 1000),
    };
    await prisma.booking.createMany({
      data: [
        make(ana.id, clinicTime(3, 10), "CONFIRMED"),
        make(ana.id, clinicTime(3, 11, 15), "PENDING_PAYMENT"), // a live hold
        lapsedHold,
        make(ben.id, clinicTime(3, 10), "CANCELLED"),
        make(gone.id, clinicTime(3, 10), "CONFIRMED"), // an inactive therapist's
        make(ana.id, clinicTime(9, 10), "CONFIRMED"), // after the range
      ],
    });

    const inputs = await loadAvailabilityInputs({
      serviceSlug: service.slug,
      from: addDays(clinicToday(NY), 2),
      to: addDays(clinicToday(NY), 4),
      timeZone: NY,
      now,
    });

    expect(inputs.service).toEqual({
      id: service.id,
      slug: service.slug,
      name: service.name,
      durationMinutes: 60,
      bufferMinutes: 15,
      priceCents: service.priceCents,
      currency: "usd",
    });
    expect(inputs.therapists.map((therapist) => therapist.id).sort()).toEqual([ana.id, ben.id].sort());
    const anaLoaded = inputs.therapists.find((therapist) => therapist.id === ana.id)!;
    expect(anaLoaded.workingHours).toHaveLength(7);
    expect(anaLoaded.breaks).toContainEqual({ weekday: 1, startMinute: 720, endMinute: 780 });
    const benLoaded = inputs.therapists.find((therapist) => therapist.id === ben.id)!;
    expect(benLoaded.timeOff).toEqual([{ startsAt: clinicTime(3, 12), endsAt: clinicTime(3, 14) }]);
    // The confirmed visit and the live hold; not the lapsed hold, the cancelled visit, the
    // inactive therapist's or the one after the range.
    expect(inputs.bookings.map((booking) => [booking.therapistId, booking.startsAt])).toEqual([
      [ana.id, clinicTime(3, 10)],
      [ana.id, clinicTime(3, 11, 15)],
    ]);
  });

  it("narrows to one therapist when asked", async () => {
    const { service, ben } = await createClinic();
    const day = addDays(clinicToday(NY), 2);
    const inputs = await loadAvailabilityInputs({ serviceSlug: service.slug, therapistId: ben.id, from: day, to: day });
    expect(inputs.therapists.map((therapist) => therapist.id)).toEqual([ben.id]);
  });

  it("refuses an unknown or retired service, and a therapist who does not offer it", async () => {
    const { service, gone, other } = await createClinic();
    const day = addDays(clinicToday(NY), 2);
    const load = (serviceSlug: string, therapistId?: string) =>
      loadAvailabilityInputs({ serviceSlug, therapistId, from: day, to: day });

    // One at a time: a refusal started before the previous one is awaited would be unhandled.
    for (const attempt of [
      () => load("no-such-treatment"),
      () => load(service.slug, "no-such-therapist"),
      () => load(service.slug, other.id),
      () => load(service.slug, gone.id),
    ]) {
      const error = await refusal(attempt());
      expect(error).toBeInstanceOf(NotFound);
    }
    await prisma.service.update({ where: { id: service.id }, data: { active: false } });
    expect(await refusal(load(service.slug))).toEqual(new NotFound("We don't offer that treatment."));
  });

  it("costs three SQL statements, where a nested Prisma include would cost four for the therapists alone", async () => {
    const { service } = await createClinic();
    const day = addDays(clinicToday(NY), 2);
    // The counter sees every statement: Prisma sends one per relation of an include.
    const nested = await countStatements(() =>
      prisma.therapist.findMany({ include: { workingHours: true, breaks: true, timeOff: true }, take: 1 }),
    );
    expect(nested.statements).toBe(4);

    const loaded = await countStatements(() =>
      loadAvailabilityInputs({ serviceSlug: service.slug, from: day, to: day }),
    );
    expect(loaded.result.therapists).toHaveLength(2);
    expect(loaded.statements).toBeLessThanOrEqual(3);
  });
});

describe(`GET /api/availability (${ENGINE})`, () => {
  it("answers with times in the clinic's zone, who is assigned, in at most 3 statements, never cached", async () => {
    const { service, ana, ben } = await createClinic();
    const day = addDays(clinicToday(NY), 5);
    const { result: response, statements } = await countStatements(() =>
      GET(availabilityRequest({ service: service.slug, from: day, to: day })),
    );
    expect(statements).toBeLessThanOrEqual(3);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as {
      timeZone: string;
      slots: { start: string; end: string; therapistId: string; therapistName: string }[];
    };
    expect(body.timeZone).toBe(NY);
    // 09:00 to 16:00 every quarter hour: Ben covers Ana's lunch, so every time is offered once.
    expect(body.slots).toHaveLength(29);
    const first = body.slots[0]!;
    expect(first.start).toMatch(new RegExp(`^${day}T09:00:00-0[45]:00$`));
    expect(new Date(first.start).getTime()).toBe(clinicTime(5, 9).getTime());
    expect(new Date(first.end).getTime() - new Date(first.start).getTime()).toBe(60 * 60_000);
    expect([ana.id, ben.id]).toContain(first.therapistId);
    const names = new Map([
      [ana.id, (await prisma.therapist.findUniqueOrThrow({ where: { id: ana.id } })).displayName],
      [ben.id, "Test Therapist"],
    ]);
    for (const slot of body.slots) expect(slot.therapistName).toBe(names.get(slot.therapistId));
  });

  it("shows a booked time only for the other therapist, and a lapsed hold's time as free", async () => {
    const { service, ana, client } = await createClinic();
    const day = addDays(clinicToday(NY), 6);
    const tenAm = clinicTime(6, 10);
    await prisma.booking.create({
      data: {
        ...bookingData({
          clientId: client.id,
          therapistId: ana.id,
          service,
          startsAt: tenAm,
          status: "PENDING_PAYMENT",
        }),
        holdExpiresAt: new Date(Date.now() - 60_000), // lapsed, not yet swept
      },
    });
    const response = await GET(availabilityRequest({ service: service.slug, from: day, to: day, therapist: ana.id }));
    const body = (await response.json()) as { slots: { start: string; therapistId: string }[] };
    expect(body.slots.map((slot) => new Date(slot.start).getTime())).toContain(tenAm.getTime());
    expect(new Set(body.slots.map((slot) => slot.therapistId))).toEqual(new Set([ana.id]));
  });

  it.each([
    [{ from: "2026-02-30", to: "2026-03-01" }, ["from"]],
    [{ from: "tomorrow", to: "2026-03-01" }, ["from"]],
    [{ from: "2027-03-10", to: "2027-03-09" }, ["to"]],
    [{ from: "2027-01-01", to: "2027-03-04" }, ["to"]], // 63 days
    [{ service: "", from: "2027-01-01", to: "2027-01-02" }, ["service"]],
    [{ service: "../etc/passwd", from: "2027-01-01", to: "2027-01-02" }, ["service"]],
  ])("refuses %j with 400 naming %j", async (params, fields) => {
    const response = await GET(availabilityRequest({ service: "calf-massage", ...params }));
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; fields: Record<string, string[]> } };
    expect(body.error.code).toBe("invalid_request");
    expect(Object.keys(body.error.fields)).toEqual(fields);
  });

  it("accepts a range of exactly 62 days", async () => {
    const { service } = await createClinic();
    const from = addDays(clinicToday(NY), 1);
    const response = await GET(availabilityRequest({ service: service.slug, from, to: addDays(from, 61) }));
    expect(response.status).toBe(200);
  });

  it("answers 404 for an unknown service or therapist, whatever the dates", async () => {
    const { service } = await createClinic();
    const attempts: Record<string, string>[] = [
      { service: "no-such-treatment", from: "2027-01-01", to: "2027-01-02" },
      { service: service.slug, therapist: "no-such-therapist", from: "2001-01-01", to: "2001-01-02" },
    ];
    for (const params of attempts) {
      const response = await GET(availabilityRequest(params));
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
  });
});
