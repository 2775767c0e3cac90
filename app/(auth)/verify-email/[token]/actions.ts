"use server";

// Confirming a new account's email from the link sent at sign-up.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { redirect } from "next/navigation";
import type { ButtonActionState } from "@/lib/auth/account-schemas";
import { accountTokenSchema } from "@/lib/auth/account-schemas";
import { verifyEmail } from "@/lib/auth/verify-email";

export async function verifyEmailAction(previous: ButtonActionState, formData: FormData): Promise<ButtonActionState> {
  return unlessDatabaseUnavailable(verifyEmailActionWork(previous, formData));
}

async function verifyEmailActionWork(_previous: ButtonActionState, formData: FormData): Promise<ButtonActionState> {
  const parsed = accountTokenSchema.safeParse(formData.get("token"));
  if (!parsed.success) redirect("/account");
  const result = await verifyEmail(parsed.data);
  if (result.ok) return { ok: true, message: "Thank you: your email address is confirmed." };
  redirect(`/verify-email/${encodeURIComponent(parsed.data)}`);
}
