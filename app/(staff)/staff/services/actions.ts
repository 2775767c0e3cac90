"use server";

// Create, edit, retire and bring back services. Guard (its entry in lib/auth/staff-routes.ts) →
// safeParse → domain call → a result the form shows. After a change the catalogue's cache tag and
// the availability cache are cleared, so the public pages show it on their next request.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordId } from "@/lib/forms/record-id";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { invalidateCatalog } from "@/lib/catalog/invalidate-catalog";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { restoreService } from "@/lib/catalog-admin/restore-service";
import { retireService } from "@/lib/catalog-admin/retire-service";
import { saveService } from "@/lib/catalog-admin/save-service";
import { serviceFormSchema } from "@/lib/catalog-admin/service-form-schema";
import { toAdminFormState } from "@/lib/booking/upcoming-bookings";
import { field, type AdminFormState } from "@/lib/forms/action-state";

const idSchema = recordId();

const servicePath = (id: string) => `/staff/services/${encodeURIComponent(id)}`;

function publicPagesFollow(): void {
  invalidateCatalog();
  invalidateAvailability();
  revalidatePath("/staff/services");
}

export async function saveServiceAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return unlessDatabaseUnavailable(saveServiceActionWork(previous, formData));
}

async function saveServiceActionWork(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const user = await requireStaffRoute("action:saveServiceAction");
  const serviceId = field(formData, "serviceId") || undefined;
  if (serviceId !== undefined && !idSchema.safeParse(serviceId).success) {
    return { ok: false, formError: "That service could not be read. Reload the page." };
  }
  const parsed = serviceFormSchema.safeParse({
    name: field(formData, "name"),
    slug: serviceId ? undefined : field(formData, "slug"),
    summary: field(formData, "summary"),
    description: field(formData, "description"),
    price: field(formData, "price"),
    durationMinutes: field(formData, "durationMinutes"),
    bufferMinutes: field(formData, "bufferMinutes"),
    aftercareSlug: field(formData, "aftercareSlug"),
    therapistIds: formData.getAll("therapistIds").filter((value) => typeof value === "string"),
    whoItHelps: field(formData, "whoItHelps"),
    whatToExpect: field(formData, "whatToExpect"),
    contraindications: field(formData, "contraindications"),
    freeCancellationHours: field(formData, "freeCancellationHours"),
    lateCancellationRefundPercent: field(formData, "lateCancellationRefundPercent"),
  });
  if (!parsed.success) {
    return {
      ok: false,
      formError: "Please correct the fields marked below.",
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[]>,
    };
  }
  let saved: { id: string };
  try {
    saved = await saveService({ serviceId, fields: parsed.data, actor: { id: user.id, role: user.role } });
  } catch (error) {
    return toAdminFormState(error);
  }
  publicPagesFollow();
  if (serviceId === undefined) redirect(`${servicePath(saved.id)}?created=1`);
  revalidatePath(servicePath(saved.id));
  return { ok: true, message: "Saved. The site shows the changes now." };
}

async function changeStatus(
  formData: FormData,
  change: (input: {
    serviceId: string;
    actor: { id: string; role: "ADMIN" | "THERAPIST" | "CLIENT" };
  }) => Promise<void>,
  user: { id: string; role: "ADMIN" | "THERAPIST" | "CLIENT" },
  done: string,
): Promise<AdminFormState> {
  const parsed = idSchema.safeParse(formData.get("serviceId"));
  if (!parsed.success) return { ok: false, formError: "That service could not be read. Reload the page." };
  try {
    await change({ serviceId: parsed.data, actor: { id: user.id, role: user.role } });
  } catch (error) {
    return toAdminFormState(error);
  }
  publicPagesFollow();
  revalidatePath(servicePath(parsed.data));
  return { ok: true, message: done };
}

export async function retireServiceAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return unlessDatabaseUnavailable(retireServiceActionWork(previous, formData));
}

async function retireServiceActionWork(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const user = await requireStaffRoute("action:retireServiceAction");
  return changeStatus(formData, retireService, user, "Retired. It is no longer shown on the site or open for booking.");
}

export async function restoreServiceAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return unlessDatabaseUnavailable(restoreServiceActionWork(previous, formData));
}

async function restoreServiceActionWork(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const user = await requireStaffRoute("action:restoreServiceAction");
  return changeStatus(
    formData,
    restoreService,
    user,
    "Brought back. It is shown on the site and open for booking again.",
  );
}
