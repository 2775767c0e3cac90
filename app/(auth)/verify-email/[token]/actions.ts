"use server";

// Confirming a new account's email from the link sent at sign-up.
import { redirect } from "next/navigation";
import type { ButtonActionState } from "@/lib/auth/account-schemas";
import { accountTokenSchema } from "@/lib/auth/account-schemas";
import { verifyEmail } from "@/lib/auth/verify-email";

export async function verifyEmailAction(_previous: ButtonActionState, formData: FormData): Promise<ButtonActionState> {
  const parsed = accountTokenSchema.safeParse(formData.get("token"));
  if (!parsed.success) redirect("/account");
  const result = await verifyEmail(parsed.data);
  if (result.ok) return { ok: true, message: "Thank you: your email address is confirmed." };
  redirect(`/verify-email/${encodeURIComponent(parsed.data)}`);
}
