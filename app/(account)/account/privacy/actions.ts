"use server";

// Deleting one's own account: guard → safeParse → current password → domain call → signed out.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { headers } from "next/headers";
import { z } from "zod";
import { DELETE_CONFIRMATION_WORD } from "@/lib/auth/account-schemas";
import { deleteClientAccount } from "@/lib/account/delete-account";
import { signOut } from "@/lib/auth/auth";
import { requireUser } from "@/lib/auth/guards";
import { endCurrentSession } from "@/lib/auth/sign-out";
import { verifyCurrentPassword } from "@/lib/auth/verify-current-password";
import { toActionState, type DeleteAccountState } from "@/lib/forms/action-state";

const deleteAccountSchema = z.object({
  password: z.string().min(1, "Enter your current password.").max(200),
  confirmation: z
    .string()
    .trim()
    .refine((value) => value.toUpperCase() === DELETE_CONFIRMATION_WORD, {
      message: `Type ${DELETE_CONFIRMATION_WORD} to confirm.`,
    }),
});

export async function deleteAccountAction(
  previous: DeleteAccountState,
  formData: FormData,
): Promise<DeleteAccountState> {
  return unlessDatabaseUnavailable(deleteAccountActionWork(previous, formData));
}

async function deleteAccountActionWork(_previous: DeleteAccountState, formData: FormData): Promise<DeleteAccountState> {
  const user = await requireUser("/account/privacy");
  const parsed = deleteAccountSchema.safeParse({
    password: formData.get("password") ?? "",
    confirmation: formData.get("confirmation") ?? "",
  });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, fieldErrors: { password: fields.password, confirmation: fields.confirmation } };
  }
  const reauth = await verifyCurrentPassword(user.id, parsed.data.password);
  if (!reauth.ok) {
    return reauth.reason === "throttled"
      ? { ok: false, formError: "Too many tries. Please wait a few minutes and try again." }
      : { ok: false, fieldErrors: { password: ["That password is not right."] } };
  }
  try {
    await deleteClientAccount(user.id);
  } catch (error) {
    return toActionState(error);
  }
  // The sessions are gone with the account; this clears this browser's cookie as well.
  try {
    await endCurrentSession(await headers());
  } catch {
    // Already deleted with the account's sessions: nothing left to end.
  }
  await signOut({ redirectTo: "/account-deleted" });
  return { ok: false };
}
