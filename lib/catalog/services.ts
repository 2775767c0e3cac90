// The live catalogue as the site shows it: read from the database (staff manage it there; the demo
// seed only starts it), through the catalogue cache.
import { prisma } from "@/lib/db";
import { SLUG_PATTERN } from "@/lib/catalog-admin/service-form-schema";
import { cacheCatalogRead } from "./cache";

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
  freeCancellationHours: true,
  lateCancellationRefundPercent: true,
} as const;

function readActiveServices() {
  return prisma.service.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: serviceFields,
  });
}

export type ServiceListing = Awaited<ReturnType<typeof readActiveServices>>[number];

function readActiveService(slug: string) {
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

export type ServiceDetail = NonNullable<Awaited<ReturnType<typeof readActiveService>>>;

/** The services open for booking, in the clinic's order. */
export const listActiveServices = cacheCatalogRead("active-services", readActiveServices, [] as ServiceListing[]);

const cachedActiveService = cacheCatalogRead("active-service", readActiveService, null as ServiceDetail | null);

/**
 * One active service with the active therapists who offer it, or null (unknown or retired). An
 * address that is not a slug names no service and is not looked up: PostgreSQL refuses a NUL in
 * text, which made /services/%00 a 500.
 */
export async function getActiveService(slug: string): Promise<ServiceDetail | null> {
  return SLUG_PATTERN.test(slug) ? cachedActiveService(slug) : null;
}

/** The active service an article or page names, or null once it is retired. */
export async function findActiveService(slug: string): Promise<ServiceListing | null> {
  return (await listActiveServices()).find((service) => service.slug === slug) ?? null;
}
