"use server";

// Confirming a change of email from the link sent to the new address.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { redirect } from "next/navigation";
import type { ButtonActionState } from "@/lib/auth/account-schemas";
import { accountTokenSchema } from "@/lib/auth/account-schemas";
import { confirmEmailChange } from "@/lib/auth/confirm-email-change";

export async function confirmEmailChangeAction(
  previous: ButtonActionState,
  formData: FormData,
): Promise<ButtonActionState> {
  return unlessDatabaseUnavailable(confirmEmailChangeActionWork(previous, formData));
}

async function confirmEmailChangeActionWork(
  _previous: ButtonActionState,
  formData: FormData,
): Promise<ButtonActionState> {
  const parsed = accountTokenSchema.safeParse(formData.get("token"));
  if (!parsed.success) redirect("/account/profile");
  const result = await confirmEmailChange(parsed.data);
  if (result.ok)
    return { ok: true, message: `Done: your account now uses ${result.email}. Sign in with it from now on.` };
  if (result.reason === "address_taken") {
    return {
      ok: false,
      formError:
        "That address now belongs to another account, so we couldn't move yours to it. Your email is unchanged; you can choose another address on your profile page.",
    };
  }
  redirect(`/confirm-email/${encodeURIComponent(parsed.data)}`);
}
