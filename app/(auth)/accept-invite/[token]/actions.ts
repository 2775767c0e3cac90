"use server";

// Accepting a staff invitation: safeParse → use the link and set the password → the form says to sign in.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { z } from "zod";
import type { AcceptInviteState } from "@/lib/auth/schemas";
import { acceptStaffInvite } from "@/lib/auth/accept-staff-invite";
import { newPasswordSchema } from "@/lib/auth/schemas";

const acceptSchema = z.object({ token: z.string().min(1).max(200), password: newPasswordSchema });

const LINK_UNUSABLE = {
  invalid: "This invitation link is not valid. Ask the clinic's admin to send a new one.",
  expired: "This invitation link has expired. Ask the clinic's admin to send a new one.",
  used: "This invitation has already been used. Sign in with your email and password.",
} as const;

export async function acceptInviteAction(previous: AcceptInviteState, formData: FormData): Promise<AcceptInviteState> {
  return unlessDatabaseUnavailable(acceptInviteActionWork(previous, formData));
}

async function acceptInviteActionWork(_previous: AcceptInviteState, formData: FormData): Promise<AcceptInviteState> {
  const parsed = acceptSchema.safeParse({ token: formData.get("token"), password: formData.get("password") });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    if (fields.password) return { ok: false, fieldErrors: { password: fields.password } };
    return { ok: false, formError: LINK_UNUSABLE.invalid };
  }
  const result = await acceptStaffInvite(parsed.data.token, parsed.data.password);
  if (!result.ok) return { ok: false, formError: LINK_UNUSABLE[result.reason] };
  return { ok: true, values: { email: result.email } };
}
