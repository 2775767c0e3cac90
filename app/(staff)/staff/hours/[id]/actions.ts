"use server";

// A therapist's week and time off, changed by an admin. Guard (its entry in lib/auth/staff-routes.ts)
// → validate (lib/hours/hours-ranges.ts, messages on the inputs they concern) → domain call → a result
// the form shows. After a change the availability cache and the catalogue's tag are cleared, so the
// booking pages offer the new times on their next request.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordId } from "@/lib/forms/record-id";
import { plainText } from "@/lib/forms/text";
import { invalidateAvailability } from "@/lib/availability/availability-cache";
import { invalidateCatalog } from "@/lib/catalog/invalidate-catalog";
import { addTimeOff } from "@/lib/hours/add-time-off";
import { parseClinicDateTime } from "@/lib/hours/clinic-date-time-input";
import { readWeekForm, validateWeek } from "@/lib/hours/hours-ranges";
import { removeTimeOff } from "@/lib/hours/remove-time-off";
import { replaceWorkingHours } from "@/lib/hours/replace-working-hours";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { toAdminFormState } from "@/lib/booking/upcoming-bookings";
import type { AdminFormState } from "@/lib/forms/action-state";
import { getClinic } from "@/lib/clinic/get-clinic";

const idSchema = recordId();
const hoursPath = (therapistId: string) => `/staff/hours/${encodeURIComponent(therapistId)}`;

function availabilityFollows(therapistId: string): void {
  invalidateAvailability();
  invalidateCatalog();
  revalidatePath(hoursPath(therapistId));
  revalidatePath("/staff/hours");
}

const unreadable: AdminFormState = { ok: false, formError: "That therapist could not be read. Reload the page." };

export async function replaceWorkingHoursAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return unlessDatabaseUnavailable(replaceWorkingHoursActionWork(previous, formData));
}

async function replaceWorkingHoursActionWork(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const user = await requireStaffRoute("action:replaceWorkingHoursAction");
  const therapistId = idSchema.safeParse(formData.get("therapistId"));
  if (!therapistId.success) return unreadable;
  const form = readWeekForm(formData.entries());
  if (!form.ok) {
    return {
      ok: false,
      formError: form.formError ?? "Nothing was saved. Please correct the times marked below.",
      fieldErrors: form.fieldErrors,
    };
  }
  const week = validateWeek(form.week);
  if (!week.ok) {
    return {
      ok: false,
      formError: "Nothing was saved. Please correct the times marked below.",
      fieldErrors: week.fieldErrors,
    };
  }
  try {
    await replaceWorkingHours({
      therapistId: therapistId.data,
      schedule: week.schedule,
      actor: { id: user.id, role: user.role },
    });
  } catch (error) {
    return toAdminFormState(error);
  }
  availabilityFollows(therapistId.data);
  return { ok: true, message: "Saved. Online booking offers the new hours now." };
}

const timeOffSchema = z.object({
  therapistId: idSchema,
  startsAt: z.string({ error: "Enter when the time off starts." }).min(1, "Enter when the time off starts."),
  endsAt: z.string({ error: "Enter when the time off ends." }).min(1, "Enter when the time off ends."),
  reason: plainText({ max: 200 }).optional(),
});

export async function addTimeOffAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return unlessDatabaseUnavailable(addTimeOffActionWork(previous, formData));
}

async function addTimeOffActionWork(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const user = await requireStaffRoute("action:addTimeOffAction");
  const timeZone = getClinic().timeZone;
  const parsed = timeOffSchema.safeParse({
    therapistId: formData.get("therapistId"),
    startsAt: formData.get("startsAt") ?? undefined,
    endsAt: formData.get("endsAt") ?? undefined,
    reason: formData.get("reason") ?? undefined,
  });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    if (fieldErrors.therapistId) return unreadable;
    return { ok: false, formError: "Nothing was saved. Please correct the fields marked below.", fieldErrors };
  }
  const startsAt = parseClinicDateTime(parsed.data.startsAt, timeZone);
  const endsAt = parseClinicDateTime(parsed.data.endsAt, timeZone);
  const fieldErrors: Record<string, string[]> = {};
  if (!startsAt) fieldErrors.startsAt = ["Enter a date and time, such as 2026-12-24 09:00."];
  if (!endsAt) fieldErrors.endsAt = ["Enter a date and time, such as 2026-12-24 17:00."];
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) {
    fieldErrors.endsAt = ["This ends before it starts. Choose a later end."];
  }
  if (!startsAt || !endsAt || Object.keys(fieldErrors).length > 0) {
    return { ok: false, formError: "Nothing was saved. Please correct the fields marked below.", fieldErrors };
  }
  try {
    await addTimeOff({
      therapistId: parsed.data.therapistId,
      startsAt,
      endsAt,
      reason: parsed.data.reason,
      actor: { id: user.id, role: user.role },
    });
  } catch (error) {
    return toAdminFormState(error);
  }
  availabilityFollows(parsed.data.therapistId);
  return { ok: true, message: "Time off added. Online booking no longer offers those times." };
}

export async function removeTimeOffAction(previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  return unlessDatabaseUnavailable(removeTimeOffActionWork(previous, formData));
}

async function removeTimeOffActionWork(_previous: AdminFormState, formData: FormData): Promise<AdminFormState> {
  const user = await requireStaffRoute("action:removeTimeOffAction");
  const parsed = z.object({ therapistId: idSchema, timeOffId: idSchema }).safeParse({
    therapistId: formData.get("therapistId"),
    timeOffId: formData.get("timeOffId"),
  });
  if (!parsed.success) return unreadable;
  try {
    await removeTimeOff({ ...parsed.data, actor: { id: user.id, role: user.role } });
  } catch (error) {
    return toAdminFormState(error);
  }
  availabilityFollows(parsed.data.therapistId);
  return { ok: true, message: "Time off removed. Those hours are open for booking again." };
}
