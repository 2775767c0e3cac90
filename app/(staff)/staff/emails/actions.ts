"use server";

// Sent email, for admins: retry a message that ended FAILED (the dead letter). Guard (its entry in
// lib/auth/staff-routes.ts) → safeParse → domain call → a result the form shows.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordId } from "@/lib/forms/record-id";
import { retryFailedEmailByStaff } from "@/lib/notifications/retry-failed-email-by-staff";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { toActionState, type ActionState } from "@/lib/forms/action-state";

const retrySchema = z.object({ messageId: recordId() });

export async function retryEmailAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return unlessDatabaseUnavailable(retryEmailActionWork(previous, formData));
}

async function retryEmailActionWork(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireStaffRoute("action:retryEmailAction");
  const parsed = retrySchema.safeParse({ messageId: formData.get("messageId") });
  if (!parsed.success)
    return { ok: false, formError: "That request could not be read. Reload the page and try again." };
  try {
    await retryFailedEmailByStaff({ messageId: parsed.data.messageId, actorId: user.id });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/staff/emails");
  return { ok: true, message: "Queued again: it is sent within a minute." };
}
