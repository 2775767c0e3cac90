"use server";

// A client's consent and doctor's clearances, recorded by staff. Guard (its entry in
// lib/auth/staff-routes.ts) → safeParse → domain call → a result the form shows; the client's
// pages are revalidated either way.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordClearance, revokeClearance } from "@/lib/clinical/clearance";
import { clearanceInputSchema } from "@/lib/clinical/clearance-schema";
import { deskConsentSchema, recordDeskConsent, withdrawConsent } from "@/lib/clinical/consent-signatures";
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { recordId } from "@/lib/forms/record-id";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { loadStaffViewer } from "@/lib/auth/staff-viewer";
import { clinicToday } from "@/lib/time/clinic-time";
import { field, toActionState, type ActionState } from "@/lib/forms/action-state";
import { getClinic } from "@/lib/clinic/get-clinic";

function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) (fields[String(issue.path[0] ?? "form")] ??= []).push(issue.message);
  return fields;
}

function revalidateClient(clientId: string, bookingId?: string) {
  revalidatePath(`/staff/clients/${clientId}`);
  if (bookingId) revalidatePath(`/staff/appointments/${bookingId}`);
}

export async function recordClearanceAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return unlessDatabaseUnavailable(recordClearanceActionWork(previous, formData));
}

async function recordClearanceActionWork(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireStaffRoute("action:recordClearanceAction");
  const parsed = clearanceInputSchema(clinicToday(getClinic().timeZone)).safeParse({
    clientId: field(formData, "clientId"),
    questionId: field(formData, "questionId"),
    clearedBy: field(formData, "clearedBy"),
    clearedOn: field(formData, "clearedOn"),
    validUntil: field(formData, "validUntil") ?? "",
    note: field(formData, "note") ?? "",
  });
  if (!parsed.success) {
    return { ok: false, formError: "Check the fields marked below.", fieldErrors: fieldErrorsOf(parsed.error) };
  }
  try {
    await recordClearance(await loadStaffViewer(user), parsed.data);
    return { ok: true, message: "Clearance recorded." };
  } catch (error) {
    return toActionState(error);
  } finally {
    revalidateClient(parsed.data.clientId);
  }
}

const revokeSchema = z.object({ clearanceId: recordId(), clientId: recordId() });

export async function revokeClearanceAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return unlessDatabaseUnavailable(revokeClearanceActionWork(previous, formData));
}

async function revokeClearanceActionWork(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireStaffRoute("action:revokeClearanceAction");
  const parsed = revokeSchema.safeParse({
    clearanceId: field(formData, "clearanceId"),
    clientId: field(formData, "clientId"),
  });
  if (!parsed.success) return { ok: false, formError: "That clearance could not be read. Reload the page." };
  try {
    await revokeClearance(await loadStaffViewer(user), parsed.data.clearanceId);
    return { ok: true, message: "Clearance revoked." };
  } catch (error) {
    return toActionState(error);
  } finally {
    revalidateClient(parsed.data.clientId);
  }
}

const bookingField = z.union([z.literal(""), recordId()]).optional();

export async function recordDeskConsentAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return unlessDatabaseUnavailable(recordDeskConsentActionWork(previous, formData));
}

async function recordDeskConsentActionWork(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireStaffRoute("action:recordDeskConsentAction");
  const parsed = deskConsentSchema.safeParse({
    clientId: field(formData, "clientId"),
    version: field(formData, "version"),
    method: field(formData, "method"),
    signedName: field(formData, "signedName"),
  });
  const bookingId = bookingField.safeParse(field(formData, "bookingId"));
  if (!parsed.success || !bookingId.success) {
    return {
      ok: false,
      formError: "Check the fields marked below.",
      fieldErrors: parsed.success ? undefined : fieldErrorsOf(parsed.error),
    };
  }
  try {
    const { written } = await recordDeskConsent(await loadStaffViewer(user), parsed.data);
    return {
      ok: true,
      message: written ? "Consent recorded." : "The client had already signed this version; nothing changed.",
    };
  } catch (error) {
    return toActionState(error);
  } finally {
    revalidateClient(parsed.data.clientId, bookingId.data || undefined);
  }
}

const withdrawSchema = z.object({ clientId: recordId(), bookingId: bookingField });

export async function withdrawConsentAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return unlessDatabaseUnavailable(withdrawConsentActionWork(previous, formData));
}

async function withdrawConsentActionWork(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireStaffRoute("action:withdrawConsentAction");
  const parsed = withdrawSchema.safeParse({
    clientId: field(formData, "clientId"),
    bookingId: field(formData, "bookingId"),
  });
  if (!parsed.success) return { ok: false, formError: "That client could not be read. Reload the page." };
  try {
    await withdrawConsent(await loadStaffViewer(user), parsed.data.clientId);
    return { ok: true, message: "Withdrawal recorded." };
  } catch (error) {
    return toActionState(error);
  } finally {
    revalidateClient(parsed.data.clientId, parsed.data.bookingId || undefined);
  }
}
