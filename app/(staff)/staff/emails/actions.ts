"use server";

// Sent email, for admins: retry a message that ended FAILED (the dead letter). Guard (its entry in
// lib/auth/staff-routes.ts) → safeParse → domain call → a result the form shows.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordId } from "@/lib/forms/record-id";
import type { StaffFormState } from "@/components/staff/staff-form-state";
import { DomainError } from "@/lib/errors/domain-errors";
import { retryFailedEmailByStaff } from "@/lib/notifications/retry-failed-email-by-staff";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";

const retrySchema = z.object({ messageId: recordId() });

export async function retryEmailAction(previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  return unlessDatabaseUnavailable(retryEmailActionWork(previous, formData));
}

async function retryEmailActionWork(_previous: StaffFormState, formData: FormData): Promise<StaffFormState> {
  const user = await requireStaffRoute("action:retryEmailAction");
  const parsed = retrySchema.safeParse({ messageId: formData.get("messageId") });
  if (!parsed.success)
    return { ok: false, formError: "That request could not be read. Reload the page and try again." };
  try {
    await retryFailedEmailByStaff({ messageId: parsed.data.messageId, actorId: user.id });
  } catch (error) {
    if (error instanceof DomainError) return { ok: false, formError: error.message };
    throw error;
  }
  revalidatePath("/staff/emails");
  return { ok: true, message: "Queued again: it is sent within a minute." };
}
