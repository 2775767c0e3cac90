// Reading the live catalogue (staff manage it in the database; the seed only starts it).
import { prisma } from "@/lib/db";

const serviceFields = {
  id: true,
  slug: true,
  name: true,
  summary: true,
  description: true,
  whoItHelps: true,
  whatToExpect: true,
  contraindications: true,
  durationMinutes: true,
  priceCents: true,
  currency: true,
  aftercareSlug: true,
} as const;

export async function listActiveServices() {
  return prisma.service.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: serviceFields,
  });
}

export type ServiceListing = Awaited<ReturnType<typeof listActiveServices>>[number];

export async function getActiveService(slug: string) {
  return prisma.service.findFirst({
    where: { slug, active: true },
    select: {
      ...serviceFields,
      therapists: {
        where: { therapist: { active: true } },
        select: { therapist: { select: { slug: true, displayName: true, title: true } } },
        orderBy: { therapist: { displayName: "asc" } },
      },
    },
  });
}
