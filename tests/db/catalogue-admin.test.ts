// The services admin on a real database: an admin creates, edits, retires and brings back services;
// a new or changed service shows on the site's catalogue and in availability at once; retiring a
// service with an upcoming visit, or taking its therapist off it, is refused with the visit listed
// and nothing changed; a therapist gets NotFound from every admin change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inServerAction, installDataCache, tick } from "../support/next-data-cache";
import { getAvailability } from "@/lib/availability/get-availability";
import { prisma } from "@/lib/db";
import { NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import { restoreService } from "@/lib/catalog-admin/restore-service";
import { retireService } from "@/lib/catalog-admin/retire-service";
import { saveService } from "@/lib/catalog-admin/save-service";
import { serviceFormSchema, type ServiceFormInput } from "@/lib/catalog-admin/service-form-schema";
import { BookingsWouldBeStranded } from "@/lib/booking/upcoming-bookings";
import { addDays, clinicToday } from "@/lib/time/clinic-time";
import { clinicTimeAhead, uniqueLabel } from "../support/booking-scenario";
import { ENGINE } from "../support/db-setup";
import { bookingData, createTherapist, createUser } from "../support/factories";
import { caught } from "../support/staff-scenario";

const { invalidateCatalog } = await import("@/lib/catalog/invalidate-catalog");
const { listActiveServices } = await import("@/lib/catalog/services");

const TIME_ZONE = "America/New_York";
let admin: { id: string; role: "ADMIN" };
let therapistUser: { id: string; role: "THERAPIST" };
let dataCache: ReturnType<typeof installDataCache>;

beforeAll(async () => {
  dataCache = installDataCache();
  admin = { id: (await createUser({ role: "ADMIN" })).id, role: "ADMIN" };
  therapistUser = { id: (await createUser({ role: "THERAPIST" })).id, role: "THERAPIST" };
});
afterAll(() => dataCache.uninstall());

/** A therapist who works every day around the clock, so any time past the notice is bookable. */
async function therapistWithHours() {
  const therapist = await createTherapist();
  await prisma.workingHours.createMany({
    data: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({
      therapistId: therapist.id,
      weekday,
      startMinute: 0,
      endMinute: 1440,
    })),
  });
  return therapist;
}

/** The form as an admin fills it in. */
function typed(overrides: Partial<ServiceFormInput> = {}): ServiceFormInput {
  return {
    name: `Calf Reset ${uniqueLabel()}`,
    summary: "A short reset for tight calves.",
    description: "Thirty minutes of focused work on both calves.",
    price: "95.50",
    durationMinutes: "30",
    bufferMinutes: "10",
    aftercareSlug: "",
    therapistIds: [],
    whoItHelps: "Runners\nDesk workers\n",
    whatToExpect: "A short chat\nThe massage",
    contraindications: "Sudden calf pain: see a doctor first",
    freeCancellationHours: "48",
    lateCancellationRefundPercent: "50",
    ...overrides,
  };
}

/** Through the form's own schema (dollars to cents and all). */
const form = (overrides: Partial<ServiceFormInput> = {}) => serviceFormSchema.parse(typed(overrides));

const week = () => {
  const from = clinicToday(TIME_ZONE);
  return { from, to: addDays(from, 6), therapist: undefined };
};

/** What the site's catalogue lists after the change, read as a page would after the Server Action. */
async function catalogueAfterAction(): Promise<string[]> {
  await tick();
  await inServerAction(dataCache.cache, invalidateCatalog);
  return (await listActiveServices()).map((service) => service.slug);
}

async function upcomingVisit(
  service: { id: string; name: string; durationMinutes: number; bufferMinutes: number; priceCents: number },
  therapistId: string,
  daysAhead = 3,
) {
  const client = await prisma.user.create({
    data: { email: `client-${uniqueLabel()}@example.test`, name: `Client ${uniqueLabel()}` },
  });
  const booking = await prisma.booking.create({
    data: bookingData({ clientId: client.id, therapistId, service, startsAt: clinicTimeAhead(daysAhead, 10) }),
  });
  return { booking, client };
}

describe(`services admin (${ENGINE})`, () => {
  it("creates a service with a slug from its name, its price in cents and its therapists; it is listed and bookable at once", async () => {
    const therapist = await therapistWithHours();
    await listActiveServices(); // the catalogue as cached before the change
    const fields = form({
      name: `Calf Reset ${uniqueLabel()} — 30 min!`,
      therapistIds: [therapist.id],
      aftercareSlug: "aftercare-calf-reset",
    });

    const created = await saveService({ fields, actor: admin });

    expect(created.slug).toMatch(/^calf-reset-[a-z0-9]+-30-min$/);
    const row = await prisma.service.findUniqueOrThrow({ where: { id: created.id }, include: { therapists: true } });
    expect(row).toMatchObject({
      name: fields.name,
      priceCents: 9550,
      durationMinutes: 30,
      bufferMinutes: 10,
      active: true,
      aftercareSlug: "aftercare-calf-reset",
      whoItHelps: ["Runners", "Desk workers"],
      whatToExpect: ["A short chat", "The massage"],
      contraindications: ["Sudden calf pain: see a doctor first"],
      freeCancellationHours: 48,
      lateCancellationRefundPercent: 50,
    });
    expect(row.therapists.map((link) => link.therapistId)).toEqual([therapist.id]);
    expect(
      await prisma.auditLog.count({ where: { entityId: created.id, action: "service.created", actorId: admin.id } }),
    ).toBe(1);

    expect(await catalogueAfterAction()).toContain(created.slug);
    const { slots } = await getAvailability({ service: created.slug, ...week() });
    expect(slots.length).toBeGreaterThan(0);
    expect(new Set(slots.map((slot) => slot.therapistId))).toEqual(new Set([therapist.id]));

    // The same name again gets the next free address; a typed address already in use is refused.
    const again = await saveService({ fields: { ...fields }, actor: admin });
    expect(again.slug).toBe(`${created.slug}-2`);
    const taken = await caught(saveService({ fields: form({ slug: created.slug }), actor: admin }));
    expect(taken).toBeInstanceOf(Unprocessable);
    expect((taken as Unprocessable).fields?.slug?.[0]).toMatch(/Another service uses this address/);
  });

  it("edits a service: the new price shows at once, the address stays, and the audit names what changed", async () => {
    const therapist = await therapistWithHours();
    const created = await saveService({ fields: form({ therapistIds: [therapist.id] }), actor: admin });

    await saveService({
      serviceId: created.id,
      fields: form({ name: "Renamed Reset", price: "120", therapistIds: [therapist.id] }),
      actor: admin,
    });

    await catalogueAfterAction();
    const listed = (await listActiveServices()).find((service) => service.id === created.id);
    expect(listed).toMatchObject({ slug: created.slug, name: "Renamed Reset", priceCents: 12_000 });
    const entry = await prisma.auditLog.findFirstOrThrow({
      where: { entityId: created.id, action: "service.updated" },
    });
    expect(entry.data).toMatchObject({ changed: expect.arrayContaining(["name", "priceCents"]) });
    expect((entry.data as { changed: string[] }).changed).not.toContain("description");
  });

  it("refuses values outside the policy's limits, on the fields that hold them", () => {
    const parsed = serviceFormSchema.safeParse(
      typed({
        price: "95,00",
        durationMinutes: "5",
        freeCancellationHours: "721",
        lateCancellationRefundPercent: "101",
      }),
    );
    expect(parsed.success).toBe(false);
    const fields = parsed.error?.flatten().fieldErrors ?? {};
    expect(Object.keys(fields).sort()).toEqual(
      ["durationMinutes", "freeCancellationHours", "lateCancellationRefundPercent", "price"].sort(),
    );
    expect(fields.freeCancellationHours?.[0]).toBe("Enter the free-cancellation notice from 0 to 720 hours.");
    expect(fields.lateCancellationRefundPercent?.[0]).toBe("Enter the late-cancellation refund from 0 to 100 percent.");
  });

  it("retires a service with no upcoming visits (gone from the site and from booking at once) and brings it back", async () => {
    const therapist = await therapistWithHours();
    const created = await saveService({ fields: form({ therapistIds: [therapist.id] }), actor: admin });
    // Visits that no longer take time do not hold a retirement back.
    const past = await prisma.user.create({ data: { email: `past-${uniqueLabel()}@example.test` } });
    const service = await prisma.service.findUniqueOrThrow({ where: { id: created.id } });
    await prisma.booking.create({
      data: bookingData({
        clientId: past.id,
        therapistId: therapist.id,
        service,
        startsAt: clinicTimeAhead(2, 9),
        status: "CANCELLED",
      }),
    });
    await prisma.booking.create({
      data: {
        ...bookingData({
          clientId: past.id,
          therapistId: therapist.id,
          service,
          startsAt: clinicTimeAhead(2, 11),
          status: "PENDING_PAYMENT",
        }),
        holdExpiresAt: new Date(Date.now() - 60_000),
      },
    });

    await retireService({ serviceId: created.id, actor: admin });

    expect(await catalogueAfterAction()).not.toContain(created.slug);
    expect(await caught(getAvailability({ service: created.slug, ...week() }))).toBeInstanceOf(NotFound);
    expect(await prisma.auditLog.count({ where: { entityId: created.id, action: "service.retired" } })).toBe(1);

    await restoreService({ serviceId: created.id, actor: admin });
    expect(await catalogueAfterAction()).toContain(created.slug);
    expect((await getAvailability({ service: created.slug, ...week() })).slots.length).toBeGreaterThan(0);
    expect(await prisma.auditLog.count({ where: { entityId: created.id, action: "service.restored" } })).toBe(1);
  });

  it("refuses to retire a service with an upcoming visit, listing that visit, and changes nothing", async () => {
    const therapist = await therapistWithHours();
    const created = await saveService({ fields: form({ therapistIds: [therapist.id] }), actor: admin });
    const service = await prisma.service.findUniqueOrThrow({ where: { id: created.id } });
    const { booking, client } = await upcomingVisit(service, therapist.id);

    const refused = await caught(retireService({ serviceId: created.id, actor: admin }));

    expect(refused).toBeInstanceOf(BookingsWouldBeStranded);
    expect((refused as BookingsWouldBeStranded).message).toMatch(/^Not retired: 1 upcoming visit is booked/);
    expect((refused as BookingsWouldBeStranded).bookings).toEqual([
      expect.objectContaining({
        id: booking.id,
        clientName: client.name,
        serviceName: service.name,
        startsAt: booking.startsAt,
      }),
    ]);
    expect(await prisma.service.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ active: true });
    expect(await prisma.auditLog.count({ where: { entityId: created.id, action: "service.retired" } })).toBe(0);
  });

  it("refuses to take a therapist off a service they have an upcoming visit of, and changes nothing", async () => {
    const [booked, free] = [await therapistWithHours(), await therapistWithHours()];
    const created = await saveService({ fields: form({ therapistIds: [booked.id, free.id] }), actor: admin });
    const service = await prisma.service.findUniqueOrThrow({ where: { id: created.id } });
    const { booking } = await upcomingVisit(service, booked.id);

    const refused = await caught(
      saveService({ serviceId: created.id, fields: form({ name: "Changed", therapistIds: [free.id] }), actor: admin }),
    );

    expect(refused).toBeInstanceOf(BookingsWouldBeStranded);
    expect((refused as BookingsWouldBeStranded).bookings.map((b) => b.id)).toEqual([booking.id]);
    const after = await prisma.service.findUniqueOrThrow({ where: { id: created.id }, include: { therapists: true } });
    expect(after.name).toBe(service.name);
    expect(after.therapists.map((link) => link.therapistId).sort()).toEqual([booked.id, free.id].sort());
    // Taking off the therapist without visits is fine.
    await saveService({ serviceId: created.id, fields: form({ therapistIds: [booked.id] }), actor: admin });
    expect(await prisma.therapistService.count({ where: { serviceId: created.id } })).toBe(1);
  });

  it("gives a therapist NotFound from every services change, and changes nothing", async () => {
    const created = await saveService({ fields: form(), actor: admin });
    const before = await prisma.service.findUniqueOrThrow({ where: { id: created.id } });
    const countBefore = await prisma.service.count();

    for (const attempt of [
      saveService({ fields: form(), actor: therapistUser }),
      saveService({ serviceId: created.id, fields: form({ name: "Hijacked" }), actor: therapistUser }),
      retireService({ serviceId: created.id, actor: therapistUser }),
      restoreService({ serviceId: created.id, actor: therapistUser }),
    ]) {
      expect(await caught(attempt)).toBeInstanceOf(NotFound);
    }
    expect(await prisma.service.count()).toBe(countBefore);
    expect(await prisma.service.findUniqueOrThrow({ where: { id: created.id } })).toEqual(before);
  });
});
