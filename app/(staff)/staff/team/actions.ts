"use server";

// Staff accounts, for admins: invite a therapist, re-send an invitation, change a role, turn an
// account off or on, reset someone's two-factor sign-in. Guard (its entry in lib/auth/staff-routes.ts) → safeParse → domain call → a
// result the form shows; the team page is revalidated after every change.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordId } from "@/lib/forms/record-id";
import { personName } from "@/lib/forms/text";
import { emailSchema } from "@/lib/auth/schemas";
import { invalidateCatalog } from "@/lib/catalog/invalidate-catalog";
import { changeStaffRole } from "@/lib/team/change-staff-role";
import { inviteTherapist, resendStaffInvite } from "@/lib/team/invite-therapist";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { resetStaffTwoFactor } from "@/lib/team/reset-staff-two-factor";
import {
  disableStaffAccount,
  enableStaffAccount,
  StaffHasUpcomingAppointments,
} from "@/lib/team/set-staff-account-disabled";
import { formatClinicDateTime } from "@/lib/time/clinic-time";
import { field, toActionState, type TeamFormState } from "@/lib/forms/action-state";
import { getClinic } from "@/lib/clinic/get-clinic";

const TEAM_PATH = "/staff/team";

const inviteSchema = z.object({
  name: personName({ required: "Enter their name." }),
  email: emailSchema,
  title: z
    .string({ error: "Enter their title, for example Licensed Massage Therapist." })
    .trim()
    .min(1, "Enter their title, for example Licensed Massage Therapist.")
    .max(100, "Use at most 100 characters."),
});

const memberSchema = z.object({ userId: recordId() });
const roleSchema = memberSchema.extend({ role: z.enum(["THERAPIST", "ADMIN"]) });

const UNREADABLE = "That request could not be read. Reload the page and try again.";

function refusal(error: unknown, userId?: string): TeamFormState {
  if (error instanceof StaffHasUpcomingAppointments) {
    const timeZone = getClinic().timeZone;
    return {
      ok: false,
      userId,
      formError: error.message,
      appointments: error.appointments.map((appointment) => ({
        id: appointment.id,
        when: formatClinicDateTime(appointment.startsAt, timeZone),
        serviceName: appointment.serviceName,
        clientName: appointment.clientName,
      })),
    };
  }
  return { ...toActionState(error), userId };
}

export async function inviteTherapistAction(previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  return unlessDatabaseUnavailable(inviteTherapistActionWork(previous, formData));
}

async function inviteTherapistActionWork(_previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  const user = await requireStaffRoute("action:inviteTherapistAction");
  const values = {
    name: field(formData, "name") ?? "",
    email: field(formData, "email") ?? "",
    title: field(formData, "title") ?? "",
  };
  const parsed = inviteSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  try {
    await inviteTherapist({ id: user.id, role: user.role }, parsed.data);
  } catch (error) {
    return { ...refusal(error), values };
  }
  invalidateCatalog();
  revalidatePath(TEAM_PATH);
  return { ok: true, message: `Invitation sent to ${parsed.data.email}. The link works for 7 days.` };
}

export async function resendStaffInviteAction(previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  return unlessDatabaseUnavailable(resendStaffInviteActionWork(previous, formData));
}

async function resendStaffInviteActionWork(_previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  const user = await requireStaffRoute("action:resendStaffInviteAction");
  const parsed = memberSchema.safeParse({ userId: field(formData, "userId") });
  if (!parsed.success) return { ok: false, formError: UNREADABLE };
  try {
    await resendStaffInvite({ id: user.id, role: user.role }, parsed.data.userId);
  } catch (error) {
    return refusal(error, parsed.data.userId);
  }
  revalidatePath(TEAM_PATH);
  return {
    ok: true,
    userId: parsed.data.userId,
    message: "A new invitation was sent; the earlier link no longer works.",
  };
}

export async function changeStaffRoleAction(previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  return unlessDatabaseUnavailable(changeStaffRoleActionWork(previous, formData));
}

async function changeStaffRoleActionWork(_previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  const user = await requireStaffRoute("action:changeStaffRoleAction");
  const parsed = roleSchema.safeParse({ userId: field(formData, "userId"), role: field(formData, "role") });
  if (!parsed.success) return { ok: false, formError: UNREADABLE };
  try {
    const changed = await changeStaffRole({ id: user.id, role: user.role }, parsed.data.userId, parsed.data.role);
    revalidatePath(TEAM_PATH);
    const role = parsed.data.role === "ADMIN" ? "an admin" : "a therapist";
    return { ok: true, userId: parsed.data.userId, message: changed ? `Now ${role}.` : `Already ${role}.` };
  } catch (error) {
    return refusal(error, parsed.data.userId);
  }
}

export async function disableStaffAccountAction(previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  return unlessDatabaseUnavailable(disableStaffAccountActionWork(previous, formData));
}

async function disableStaffAccountActionWork(_previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  const user = await requireStaffRoute("action:disableStaffAccountAction");
  const parsed = memberSchema.safeParse({ userId: field(formData, "userId") });
  if (!parsed.success) return { ok: false, formError: UNREADABLE };
  try {
    const sessions = await disableStaffAccount({ id: user.id, role: user.role }, parsed.data.userId);
    invalidateCatalog();
    revalidatePath(TEAM_PATH);
    return {
      ok: true,
      userId: parsed.data.userId,
      message: `Account turned off${sessions > 0 ? ` and signed out on ${sessions === 1 ? "1 device" : `${sessions} devices`}` : ""}.`,
    };
  } catch (error) {
    return refusal(error, parsed.data.userId);
  }
}

export async function enableStaffAccountAction(previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  return unlessDatabaseUnavailable(enableStaffAccountActionWork(previous, formData));
}

async function enableStaffAccountActionWork(_previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  const user = await requireStaffRoute("action:enableStaffAccountAction");
  const parsed = memberSchema.safeParse({ userId: field(formData, "userId") });
  if (!parsed.success) return { ok: false, formError: UNREADABLE };
  try {
    await enableStaffAccount({ id: user.id, role: user.role }, parsed.data.userId);
    invalidateCatalog();
    revalidatePath(TEAM_PATH);
    return { ok: true, userId: parsed.data.userId, message: "Account turned on again. They can sign in." };
  } catch (error) {
    return refusal(error, parsed.data.userId);
  }
}

export async function resetStaffTwoFactorAction(previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  return unlessDatabaseUnavailable(resetStaffTwoFactorActionWork(previous, formData));
}

async function resetStaffTwoFactorActionWork(_previous: TeamFormState, formData: FormData): Promise<TeamFormState> {
  const user = await requireStaffRoute("action:resetStaffTwoFactorAction");
  const parsed = memberSchema.safeParse({ userId: field(formData, "userId") });
  if (!parsed.success) return { ok: false, formError: UNREADABLE };
  try {
    const reset = await resetStaffTwoFactor({ id: user.id, role: user.role }, parsed.data.userId);
    revalidatePath(TEAM_PATH);
    return {
      ok: true,
      userId: parsed.data.userId,
      message: reset
        ? "Two-factor sign-in reset and signed out everywhere. They sign in with their password and set it up again."
        : "Two-factor sign-in was already off.",
    };
  } catch (error) {
    return refusal(error, parsed.data.userId);
  }
}
