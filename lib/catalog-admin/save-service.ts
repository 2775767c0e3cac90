// Creates or edits a service and who offers it, with its audit entry. The slug never changes once made,
// so links from articles and emails keep working; taking a therapist off a service they still have
// visits of is refused, under the service row's lock (lockServiceRow).
import { recordAudit } from "@/lib/audit/record-audit";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertAdmin, type Actor } from "@/lib/auth/actor";
import { listAftercareGuides } from "./admin-catalogue";
import { firstFreeSlug, slugify, type ServiceFields } from "./service-form-schema";
import { BookingsWouldBeStranded, loadUpcomingBookings, lockServiceRow } from "@/lib/booking/upcoming-bookings";

export interface SaveServiceInput {
  /** The service to edit; none to create one. */
  serviceId?: string;
  fields: ServiceFields;
  actor: Actor;
  now?: Date;
}

const EDITABLE = [
  "name",
  "summary",
  "description",
  "priceCents",
  "durationMinutes",
  "bufferMinutes",
  "aftercareSlug",
  "whoItHelps",
  "whatToExpect",
  "contraindications",
  "freeCancellationHours",
  "lateCancellationRefundPercent",
] as const;

const EDITABLE_SELECT = Object.fromEntries(EDITABLE.map((key) => [key, true])) as Record<
  (typeof EDITABLE)[number],
  true
>;

export async function saveService(input: SaveServiceInput): Promise<{ id: string; slug: string }> {
  assertAdmin(input.actor);
  const now = input.now ?? new Date();
  const { fields } = input;
  if (fields.aftercareSlug && !(await listAftercareGuides()).some((guide) => guide.slug === fields.aftercareSlug)) {
    throw new Unprocessable("Choose one of the aftercare guides.", {
      aftercareSlug: ["Choose one of the aftercare guides."],
    });
  }
  const therapistIds = [...new Set(fields.therapistIds)];
  const data = {
    name: fields.name,
    summary: fields.summary,
    description: fields.description,
    priceCents: fields.price,
    durationMinutes: fields.durationMinutes,
    bufferMinutes: fields.bufferMinutes,
    aftercareSlug: fields.aftercareSlug,
    whoItHelps: fields.whoItHelps,
    whatToExpect: fields.whatToExpect,
    contraindications: fields.contraindications,
    freeCancellationHours: fields.freeCancellationHours,
    lateCancellationRefundPercent: fields.lateCancellationRefundPercent,
  };

  let saved: { id: string; slug: string };
  try {
    saved = await runTransaction(prisma, async (tx) => {
      const known = await tx.therapist.count({ where: { id: { in: therapistIds } } });
      if (known !== therapistIds.length) {
        throw new Unprocessable("A therapist chosen no longer exists. Reload the page.", {
          therapistIds: ["Choose from the therapists listed."],
        });
      }

      if (input.serviceId === undefined) {
        const slug = await chooseSlug(tx, fields);
        const last = await tx.service.aggregate({ _max: { sortOrder: true } });
        const created = await tx.service.create({
          data: {
            ...data,
            slug,
            sortOrder: (last._max.sortOrder ?? 0) + 1,
            therapists: { create: therapistIds.map((therapistId) => ({ therapistId })) },
          },
          select: { id: true, slug: true },
        });
        await recordAudit(tx, {
          actorId: input.actor.id,
          action: "service.created",
          entityType: "Service",
          entityId: created.id,
          data: { slug, therapistIds },
        });
        return created;
      }

      if (!(await lockServiceRow(tx, input.serviceId))) throw new NotFound("We couldn't find that service.");
      const current = await tx.service.findUniqueOrThrow({
        where: { id: input.serviceId },
        select: { slug: true, ...EDITABLE_SELECT, therapists: { select: { therapistId: true } } },
      });
      const offering = current.therapists.map((link) => link.therapistId);
      const removed = offering.filter((id) => !therapistIds.includes(id));
      const added = therapistIds.filter((id) => !offering.includes(id));
      if (removed.length > 0) {
        const stranded = await loadUpcomingBookings(tx, { serviceId: input.serviceId, therapistIds: removed }, now);
        if (stranded.length > 0) {
          throw new BookingsWouldBeStranded(
            stranded,
            `Not saved: ${stranded.length === 1 ? "1 upcoming visit is" : `${stranded.length} upcoming visits are`} booked with a therapist you took off this service. Move or cancel ${stranded.length === 1 ? "it" : "them"} first.`,
          );
        }
      }
      // Which fields changed (names only: the audit log is no place for whole descriptions).
      const changed = EDITABLE.filter((key) => JSON.stringify(current[key]) !== JSON.stringify(data[key]));
      await tx.service.update({ where: { id: input.serviceId }, data });
      if (removed.length > 0) {
        await tx.therapistService.deleteMany({ where: { serviceId: input.serviceId, therapistId: { in: removed } } });
      }
      if (added.length > 0) {
        await tx.therapistService.createMany({
          data: added.map((therapistId) => ({ therapistId, serviceId: input.serviceId as string })),
        });
      }
      await recordAudit(tx, {
        actorId: input.actor.id,
        action: "service.updated",
        entityType: "Service",
        entityId: input.serviceId,
        data: { changed, addedTherapistIds: added, removedTherapistIds: removed },
      });
      return { id: input.serviceId, slug: current.slug };
    });
  } catch (error) {
    // Two admins creating services of the same name at once: the second is told, nothing saved.
    if (isUniqueViolation(error)) {
      throw new Unprocessable("Another service took this address a moment ago. Save again for a new one.", {
        slug: ["This address was just taken. Save again, or type another."],
      });
    }
    throw error;
  }
  invalidateAvailability();
  return saved;
}

async function chooseSlug(tx: Prisma.TransactionClient, fields: ServiceFields): Promise<string> {
  if (fields.slug) {
    const taken = await tx.service.findUnique({ where: { slug: fields.slug }, select: { id: true } });
    if (taken) {
      throw new Unprocessable("That address is already used by another service.", {
        slug: ["Another service uses this address. Type another, or leave it empty to make one from the name."],
      });
    }
    return fields.slug;
  }
  const base = slugify(fields.name);
  const similar = await tx.service.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  return firstFreeSlug(base, new Set(similar.map((service) => service.slug)));
}
