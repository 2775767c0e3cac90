// What the services admin pages read: every service (retired ones too), one service with the
// therapists who offer it, the therapists to choose from and the aftercare guides to link.
import { prisma } from "@/lib/db";
import { getArticles } from "@/lib/content/articles";

export async function listServicesForAdmin() {
  return prisma.service.findMany({
    orderBy: [{ active: "desc" }, { sortOrder: "asc" }, { name: "asc" }],
    select: {
      id: true,
      slug: true,
      name: true,
      priceCents: true,
      currency: true,
      durationMinutes: true,
      active: true,
      _count: { select: { therapists: true } },
    },
  });
}

export async function getServiceForAdmin(id: string) {
  return prisma.service.findUnique({
    where: { id },
    select: {
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
      bufferMinutes: true,
      active: true,
      aftercareSlug: true,
      freeCancellationHours: true,
      lateCancellationRefundPercent: true,
      therapists: { select: { therapistId: true } },
    },
  });
}

export async function listTherapistChoices() {
  return prisma.therapist.findMany({
    orderBy: [{ active: "desc" }, { displayName: "asc" }],
    select: { id: true, displayName: true, title: true, active: true },
  });
}

export interface AftercareGuide {
  slug: string;
  title: string;
}

/** The education hub's aftercare guides, the only articles a service may name as its aftercare. */
export async function listAftercareGuides(): Promise<AftercareGuide[]> {
  return (await getArticles())
    .filter((article) => article.section === "aftercare")
    .map((article) => ({ slug: article.slug, title: article.title }))
    .sort((a, b) => a.title.localeCompare(b.title));
}
