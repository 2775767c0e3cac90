// Test data builders: each creates exactly what a test needs, with unique keys so tests never
// collide on a shared database.
import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db";

export const uniqueEmail = (label = "user") => `${label}-${randomUUID().slice(0, 8)}@example.test`;

export async function createUser(
  overrides: { role?: "CLIENT" | "THERAPIST" | "ADMIN"; email?: string; passwordHash?: string } = {},
) {
  return prisma.user.create({
    data: {
      email: overrides.email ?? uniqueEmail(),
      name: "Test Person",
      role: overrides.role ?? "CLIENT",
      passwordHash: overrides.passwordHash,
    },
  });
}

export async function createTherapist() {
  const user = await createUser({ role: "THERAPIST" });
  return prisma.therapist.create({
    data: {
      userId: user.id,
      slug: `therapist-${randomUUID().slice(0, 8)}`,
      displayName: "Test Therapist",
      title: "LMT",
      bio: "Bio",
      specialties: [],
    },
  });
}

export async function createService(overrides: { durationMinutes?: number; bufferMinutes?: number } = {}) {
  return prisma.service.create({
    data: {
      slug: `service-${randomUUID().slice(0, 8)}`,
      name: "Test Calf Massage",
      summary: "Summary",
      description: "Description",
      whoItHelps: [],
      whatToExpect: [],
      contraindications: [],
      durationMinutes: overrides.durationMinutes ?? 60,
      bufferMinutes: overrides.bufferMinutes ?? 15,
      priceCents: 9500,
      currency: "usd",
    },
  });
}

export function bookingData(input: {
  clientId: string;
  therapistId: string;
  service: { id: string; name: string; durationMinutes: number; bufferMinutes: number; priceCents: number };
  startsAt: Date;
  status?: "PENDING_PAYMENT" | "CONFIRMED" | "CHECKED_IN" | "COMPLETED" | "CANCELLED" | "NO_SHOW" | "EXPIRED";
}) {
  const endsAt = new Date(input.startsAt.getTime() + input.service.durationMinutes * 60_000);
  const status = input.status ?? "CONFIRMED";
  return {
    clientId: input.clientId,
    therapistId: input.therapistId,
    serviceId: input.service.id,
    status,
    holdExpiresAt: status === "PENDING_PAYMENT" ? new Date(Date.now() + 30 * 60_000) : null,
    startsAt: input.startsAt,
    endsAt,
    blockedUntil: new Date(endsAt.getTime() + input.service.bufferMinutes * 60_000),
    serviceName: input.service.name,
    durationMinutes: input.service.durationMinutes,
    priceCents: input.service.priceCents,
    currency: "usd",
    intake: {},
  };
}
