// The deployment suite's own PostgreSQL database: created fresh, migrated by `npm run db:migrate`
// (run by the suite with only DATABASE_URL set), seeded with exactly what the scenarios need
// through the app's own Prisma client (never the demo seed, which refuses a production database),
// and dropped at the end.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { CURRENT_CONSENT } from "@/lib/clinical/consent";
import { hashPassword } from "@/lib/auth/password";
import { createDatabase, type Database } from "@/lib/db/create-client";

export interface SuiteDatabase {
  name: string;
  url: string;
  prisma: Database;
  drop(): Promise<void>;
}

async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres`, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createSuiteDatabase(serverUrl: string, name: string): Promise<SuiteDatabase> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`database name ${name} must be lowercase letters, digits and _`);
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = `${serverUrl}/${name}`;
  const { prisma } = createDatabase({
    DATABASE_URL: url,
    DATABASE_POOL_SIZE: 5,
    // The suite's own checks wait longer than the app may: they read after a scenario, not during it.
    DATABASE_POOL_TIMEOUT_MS: 10_000,
    DATABASE_STATEMENT_TIMEOUT_MS: 30_000,
    DATABASE_LOCK_TIMEOUT_MS: 30_000,
    PGLITE_DATA_DIR: "memory://",
  });
  return {
    name,
    url,
    prisma,
    async drop() {
      await prisma.$disconnect().catch(() => undefined);
      await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

export interface SeededClinic {
  serviceSlug: string;
  therapistId: string;
  clients: { id: string; email: string }[];
  password: string;
}

export const SUITE_PASSWORD = "deploy-suite-lantern-harbour-2026";

/** One therapist working every day 07:00–21:00 (clinic time), one 60-minute service, N clients. */
export async function seedClinic(prisma: Database, clientCount: number): Promise<SeededClinic> {
  const tag = randomUUID().slice(0, 8);
  const passwordHash = await hashPassword(SUITE_PASSWORD);
  const therapistUser = await prisma.user.create({
    data: { email: `deploy-therapist-${tag}@clinic.test`, name: "Deploy Therapist", role: "THERAPIST", passwordHash },
  });
  const service = await prisma.service.create({
    data: {
      slug: `deploy-calf-60-${tag}`,
      name: "Deployment Calf Massage",
      summary: "A treatment the deployment suite books.",
      description: "Made by npm run test:deploy.",
      whoItHelps: [],
      whatToExpect: [],
      contraindications: [],
      durationMinutes: 60,
      bufferMinutes: 15,
      priceCents: 9500,
      currency: "usd",
    },
  });
  const therapist = await prisma.therapist.create({
    data: {
      userId: therapistUser.id,
      slug: `deploy-therapist-${tag}`,
      displayName: "Deploy Therapist",
      title: "LMT",
      bio: "Works every day for the deployment suite.",
      specialties: [],
      workingHours: {
        create: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, startMinute: 7 * 60, endMinute: 21 * 60 })),
      },
      services: { create: [{ serviceId: service.id }] },
    },
  });
  const emails = Array.from({ length: clientCount }, (_, index) => `deploy-client-${index}-${tag}@clinic.test`);
  await prisma.user.createMany({
    data: emails.map((email, index) => ({
      email,
      name: `Deploy Client ${index}`,
      role: "CLIENT" as const,
      passwordHash,
      emailVerified: new Date(),
    })),
  });
  const clients = await prisma.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  // Returning clients: they signed the consent before, as most clients booking have.
  await prisma.consentSignature.createMany({
    data: clients.map((client) => ({
      userId: client.id,
      version: CURRENT_CONSENT.version,
      signedName: `Deploy Client ${emails.indexOf(client.email)}`,
    })),
  });
  clients.sort((a, b) => emails.indexOf(a.email) - emails.indexOf(b.email));
  return { serviceSlug: service.slug, therapistId: therapist.id, clients, password: SUITE_PASSWORD };
}

/** A connection of its own, outside the app's pools: for the table-lock scenario. */
export async function openLockConnection(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  return client;
}
