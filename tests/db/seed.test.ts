// The demo seed gives a newcomer a living clinic, and running it twice changes nothing.
import { describe, expect, it } from "vitest";
import { prisma, getDatabase } from "@/lib/db";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "@/lib/dev/demo/seed-demo";
import { FORTNIGHT_CLIENTS } from "@/lib/dev/demo/seed-fortnight";
import { DEMO_SERVICES } from "@/lib/dev/demo/services";
import { DEMO_THERAPISTS } from "@/lib/dev/demo/therapists";
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
      await prisma.booking.count(),
      await prisma.payment.count(),
      await prisma.treatmentNote.count(),
    ];
    const before = await counts();
    await seedDemoData(getDatabase().prisma);
    expect(await counts()).toEqual(before);
  });

  it("fills a fortnight around today: visits done with notes, a no-show, a refund, an unpaid hold and visits to come", async () => {
    const now = new Date();
    await seedDemoData(getDatabase().prisma, { now });
    const demoEmails = [...FORTNIGHT_CLIENTS.map((c) => c.email), "client@clinic.test"];
    const bookings = await prisma.booking.findMany({
      where: { client: { email: { in: demoEmails } } },
      include: {
        payments: { include: { refunds: true } },
        treatmentNote: { include: { revisions: true } },
        calfRecords: true,
        client: { select: { email: true } },
        therapist: { select: { user: { select: { email: true } } } },
      },
      orderBy: { startsAt: "asc" },
    });
    const byStatus = (status: string) => bookings.filter((b) => b.status === status);
    expect(byStatus("NO_SHOW")).toHaveLength(1);
    expect(byStatus("CANCELLED")).toHaveLength(1);
    expect(byStatus("PENDING_PAYMENT")).toHaveLength(1);
    expect(byStatus("COMPLETED").length).toBeGreaterThanOrEqual(10);
    expect(byStatus("CONFIRMED").length).toBeGreaterThanOrEqual(3);

    // Visits that ended are done; those to come start after now and are paid.
    for (const booking of bookings) {
      if (booking.endsAt <= now) expect(["COMPLETED", "NO_SHOW", "CANCELLED"]).toContain(booking.status);
      if (booking.status === "CONFIRMED") {
        expect(booking.startsAt.getTime()).toBeGreaterThan(now.getTime());
        expect(booking.payments.map((p) => [p.status, p.amountCents])).toEqual([["SUCCEEDED", booking.priceCents]]);
      }
    }
    const [hold] = byStatus("PENDING_PAYMENT");
    expect(hold?.holdExpiresAt?.getTime()).toBeGreaterThan(now.getTime());

    // The cancellation was refunded in full, once.
    const [cancelled] = byStatus("CANCELLED");
    const [payment] = cancelled?.payments ?? [];
    expect([payment?.status, payment?.amountRefundedCents]).toEqual(["REFUNDED", payment?.amountCents]);
    expect(payment?.refunds.map((r) => [r.status, r.amountCents])).toEqual([["SUCCEEDED", payment?.amountCents]]);

    // Every completed visit has its note (revision 1 at least) and both calf records.
    for (const visit of byStatus("COMPLETED")) {
      expect(visit.treatmentNote?.revisions.map((r) => r.version)).toContain(1);
      expect(visit.treatmentNote?.revisions).toHaveLength(visit.treatmentNote?.version ?? 0);
      expect(visit.calfRecords.map((r) => r.side).sort()).toEqual(["LEFT", "RIGHT"]);
    }
    // One client seen four times by the demo therapist: the trend on their client page.
    const trend = byStatus("COMPLETED").filter((b) => b.client.email === "alex.rivera@clinic.test");
    expect(trend).toHaveLength(4);
    expect(new Set(trend.map((b) => b.therapist.user.email))).toEqual(new Set(["therapist@clinic.test"]));
    // The demo client's own: one visit done, one cancelled and refunded, one to come.
    const casey = bookings.filter((b) => b.client.email === "client@clinic.test").map((b) => b.status);
    expect(casey.sort()).toEqual(["CANCELLED", "COMPLETED", "CONFIRMED"]);

    // Nothing overlaps: not for a therapist (the constraint guards live ones), nor for a client.
    const live = bookings.filter((b) => b.status !== "CANCELLED");
    for (const [i, a] of live.entries()) {
      for (const b of live.slice(i + 1)) {
        const clash = a.startsAt < b.blockedUntil && b.startsAt < a.blockedUntil;
        if (a.therapistId === b.therapistId || a.clientId === b.clientId)
          expect(clash, `${a.id} and ${b.id}`).toBe(false);
      }
    }
  });
});
