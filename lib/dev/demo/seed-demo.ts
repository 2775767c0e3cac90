// Demo data for a living site: the catalogue, three therapists with their weekly hours, the demo
// accounts, and a fortnight of visits around today (lib/dev/demo/seed-fortnight.ts). Idempotent: running
// it twice changes nothing the second time.
import { type Env } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { hashPassword } from "@/lib/auth/password";
import { CURRENT_CONSENT } from "@/lib/clinical/consent";
import { seedDemoFortnight } from "./seed-fortnight";
import { DEMO_SERVICES } from "./services";
import { DEMO_THERAPISTS } from "./therapists";
import { getClinic } from "@/lib/clinic/get-clinic";

export const DEMO_PASSWORD = "calf-demo-2026";

export const DEMO_ACCOUNTS = [
  { email: "admin@clinic.test", name: "Jordan Avery", role: "ADMIN" },
  { email: "therapist@clinic.test", name: "Maya Lindqvist", role: "THERAPIST" },
  { email: "client@clinic.test", name: "Casey Morgan", role: "CLIENT" },
] as const;

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** Why demo data must not go into this database, or null when it may. */
export function demoSeedRefusal(env: { NODE_ENV: string; DATABASE_URL?: string }): string | null {
  if (!env.DATABASE_URL) return null;
  if (env.NODE_ENV === "production") return "NODE_ENV is production and DATABASE_URL is set";
  const host = new URL(env.DATABASE_URL).hostname;
  if (!LOCAL_HOSTS.has(host)) return `DATABASE_URL points at ${host}, not at this machine`;
  return null;
}

function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export async function seedDemoData(
  prisma: PrismaClient,
  options: { now?: Date; timeZone?: string } = {},
): Promise<{ accounts: string[]; visits: number }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  for (const [index, service] of DEMO_SERVICES.entries()) {
    const data = { ...service, sortOrder: index, active: true };
    await prisma.service.upsert({ where: { slug: service.slug }, create: data, update: {} });
  }

  const accounts: string[] = DEMO_ACCOUNTS.map((account) => account.email);
  for (const account of DEMO_ACCOUNTS.filter((a) => a.role !== "THERAPIST")) {
    await prisma.user.upsert({
      where: { email: account.email },
      // Confirmed, so the demo doesn't greet every visitor with "please confirm your email".
      create: { email: account.email, name: account.name, role: account.role, passwordHash, emailVerified: new Date() },
      update: {},
    });
  }

  for (const member of DEMO_THERAPISTS) {
    const user = await prisma.user.upsert({
      where: { email: member.email },
      create: { email: member.email, name: member.name, role: member.role, passwordHash, emailVerified: new Date() },
      update: {},
    });
    if (!accounts.includes(member.email)) accounts.push(member.email);
    const existing = await prisma.therapist.findUnique({ where: { slug: member.slug }, select: { id: true } });
    if (existing) continue;
    const services = await prisma.service.findMany({ where: { slug: { in: member.services } }, select: { id: true } });
    await prisma.therapist.create({
      data: {
        userId: user.id,
        slug: member.slug,
        displayName: member.name,
        title: member.title,
        bio: member.bio,
        specialties: member.specialties,
        workingHours: {
          create: member.hours.map((h) => ({
            weekday: h.weekday,
            startMinute: minutesOf(h.start),
            endMinute: minutesOf(h.end),
          })),
        },
        breaks: {
          create: member.breaks.map((b) => ({
            weekday: b.weekday,
            startMinute: minutesOf(b.start),
            endMinute: minutesOf(b.end),
            label: b.label,
          })),
        },
        services: { create: services.map((service) => ({ serviceId: service.id })) },
      },
    });
  }
  const visits = await seedDemoFortnight(prisma, {
    now: options.now ?? new Date(),
    timeZone: options.timeZone ?? getClinic().timeZone,
    demoClientEmail: "client@clinic.test",
    deskStaffEmail: "admin@clinic.test",
  });
  await seedSignedConsents(prisma);
  return { accounts, visits };
}

export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.user.count()) === 0 && (await prisma.service.count()) === 0;
}

// Production logs are collected and kept: the demo password never goes into one, even in demo mode.
export function demoDataNotice(env: Pick<Env, "NODE_ENV">, accounts: readonly string[], password: string): string {
  const who = `[db] demo data loaded. Sign in as ${accounts.join(", ")}`;
  return env.NODE_ENV === "production"
    ? `${who} with the demo password from the README`
    : `${who} with password ${password}`;
}

// The demo clients have been seen before, so they signed the consent on paper at the desk (a new
// account made on the site is asked to sign it online before its first booking).
async function seedSignedConsents(prisma: PrismaClient): Promise<void> {
  const desk = await prisma.user.findUnique({ where: { email: "admin@clinic.test" }, select: { id: true } });
  const clients = await prisma.user.findMany({
    where: { role: "CLIENT", email: { endsWith: "@clinic.test" }, name: { not: null } },
    select: { id: true, name: true },
  });
  await prisma.consentSignature.createMany({
    data: clients.map((client) => ({
      userId: client.id,
      version: CURRENT_CONSENT.version,
      signedName: client.name ?? "",
      method: "PAPER" as const,
      recordedById: desk?.id ?? null,
    })),
    skipDuplicates: true,
  });
}
