// The demo seed gives a newcomer a living clinic, and running it twice changes nothing.
import { describe, expect, it } from "vitest";
import { prisma, getDatabase } from "@/lib/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "@/lib/demo/seed-demo";
import { DEMO_SERVICES } from "@/lib/demo/services";
import { DEMO_THERAPISTS } from "@/lib/demo/therapists";
import { verifyPassword } from "@/lib/auth/password";
import { ENGINE } from "../support/db-setup";

describe(`demo seed (${ENGINE})`, () => {
  it("creates the catalogue, three therapists with different hours and a day off, and the demo accounts", async () => {
    await seedDemoData(getDatabase().prisma);
    // Other test files may have added services of their own to a shared database: look at the seed's.
    const services = await prisma.service.findMany({
      where: { active: true, slug: { in: DEMO_SERVICES.map((s) => s.slug) } },
    });
    expect(services.length).toBe(DEMO_SERVICES.length);
    expect(DEMO_SERVICES.length).toBeGreaterThanOrEqual(5);
    expect(services.every((s) => s.priceCents > 0 && s.durationMinutes > 0 && s.aftercareSlug)).toBe(true);

    const therapists = await prisma.therapist.findMany({
      where: { slug: { in: DEMO_THERAPISTS.map((t) => t.slug) } },
      include: { workingHours: true, services: { include: { service: { select: { slug: true } } } } },
    });
    expect(therapists).toHaveLength(3);
    for (const therapist of therapists) {
      const seed = DEMO_THERAPISTS.find((t) => t.slug === therapist.slug);
      expect(therapist.services.map((s) => s.service.slug).sort(), therapist.slug).toEqual(
        [...(seed?.services ?? [])].sort(),
      );
    }
    const weeks = therapists.map((t) =>
      JSON.stringify(t.workingHours.map((h) => [h.weekday, h.startMinute, h.endMinute]).sort()),
    );
    expect(new Set(weeks).size).toBe(3);
    for (const therapist of therapists) {
      const workingDays = new Set(therapist.workingHours.map((h) => h.weekday));
      expect(workingDays.size).toBeLessThan(7);
      expect(therapist.services.length).toBeGreaterThan(0);
    }

    for (const account of DEMO_ACCOUNTS) {
      const user = await prisma.user.findUniqueOrThrow({ where: { email: account.email } });
      expect(user.role).toBe(account.role);
      expect(await verifyPassword(user.passwordHash ?? "", DEMO_PASSWORD)).toBe(true);
    }
  });

  it("is idempotent", async () => {
    await seedDemoData(getDatabase().prisma);
    const counts = async () => [
      await prisma.service.count(),
      await prisma.therapist.count(),
      await prisma.workingHours.count(),
      await prisma.user.count(),
    ];
    const before = await counts();
    await seedDemoData(getDatabase().prisma);
    expect(await counts()).toEqual(before);
  });
});
