// What staff may book for a client over the phone: the active treatments, each with the active
// therapists who give it; a therapist sees only themselves (they book only into their own schedule).
import { prisma } from "@/lib/db";
import { seesEveryone, type StaffViewer } from "@/lib/auth/staff-viewer";

export interface PhoneBookingService {
  slug: string;
  name: string;
  durationMinutes: number;
  priceCents: number;
  currency: string;
  therapists: { id: string; name: string }[];
}

export async function listPhoneBookingOptions(viewer: StaffViewer): Promise<PhoneBookingService[]> {
  const therapistScope = seesEveryone(viewer) ? { active: true } : { active: true, userId: viewer.userId };
  const services = await prisma.service.findMany({
    where: { active: true, therapists: { some: { therapist: therapistScope } } },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    select: {
      slug: true,
      name: true,
      durationMinutes: true,
      priceCents: true,
      currency: true,
      therapists: {
        where: { therapist: therapistScope },
        select: { therapist: { select: { id: true, displayName: true } } },
      },
    },
  });
  return services.map((service) => ({
    slug: service.slug,
    name: service.name,
    durationMinutes: service.durationMinutes,
    priceCents: service.priceCents,
    currency: service.currency.trim(),
    therapists: service.therapists
      .map(({ therapist }) => ({ id: therapist.id, name: therapist.displayName }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  }));
}
