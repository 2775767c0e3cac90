"use server";

// Setting a new password from an emailed link: safeParse → domain call → form state. A link that
// stopped working meanwhile reloads its page, which explains why and offers a new one.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { redirect } from "next/navigation";
import { z } from "zod";
import { resetPasswordSchema, type ResetPasswordState } from "@/lib/auth/account-schemas";
import { resetPassword } from "@/lib/auth/reset-password";

export async function resetPasswordAction(
  previous: ResetPasswordState,
  formData: FormData,
): Promise<ResetPasswordState> {
  return unlessDatabaseUnavailable(resetPasswordActionWork(previous, formData));
}

async function resetPasswordActionWork(_previous: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  const token = formData.get("token");
  const newPassword = formData.get("newPassword");
  const parsed = resetPasswordSchema.safeParse({ token, newPassword });
  if (!parsed.success) {
    const { fieldErrors } = z.flattenError(parsed.error);
    if (fieldErrors.token) redirect("/forgot-password");
    return { ok: false, fieldErrors: { newPassword: fieldErrors.newPassword } };
  }
  const result = await resetPassword(parsed.data);
  if (!result.ok) redirect(`/reset-password/${encodeURIComponent(parsed.data.token)}`);
  return {
    ok: true,
    message:
      "Your new password is set, and every device that was signed in has been signed out. Sign in with your new password.",
  };
}
