"use server";

// Two-factor sign-in for the signed-in staff member's own account: start the set-up, confirm it with
// a current code (the recovery codes come back once), generate new recovery codes with a current code,
// or turn it off with a code or the password.
// Guard (its entry in lib/auth/staff-routes.ts) → safeParse → domain call → a result the form shows.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  disableTwoFactor,
  generateNewRecoveryCodes,
} from "@/lib/auth/two-factor";
import { DomainError } from "@/lib/errors/domain-errors";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { field, toActionState, type TwoFactorFormState } from "@/lib/forms/action-state";

const SECURITY_PATH = "/staff/security";

const codeSchema = z
  .string({ error: "Enter the 6-digit code from your app." })
  .trim()
  .min(1, "Enter the 6-digit code from your app.")
  .max(40, "Enter the 6-digit code from your app.");

const disableSchema = z.discriminatedUnion("proof", [
  z.object({ proof: z.literal("code"), code: codeSchema }),
  z.object({
    proof: z.literal("password"),
    password: z.string({ error: "Enter your password." }).min(1, "Enter your password.").max(128),
  }),
]);

export async function beginTotpEnrolmentAction(): Promise<void> {
  const user = await requireStaffRoute("action:beginTotpEnrolmentAction");
  try {
    await beginTotpEnrolment(user.id);
  } catch (error) {
    // Already on (another tab finished first): the page shows that state.
    if (!(error instanceof DomainError)) throw error;
  }
  revalidatePath(SECURITY_PATH);
}

export async function confirmTotpEnrolmentAction(
  previous: TwoFactorFormState,
  formData: FormData,
): Promise<TwoFactorFormState> {
  return unlessDatabaseUnavailable(confirmTotpEnrolmentActionWork(previous, formData));
}

async function confirmTotpEnrolmentActionWork(
  _previous: TwoFactorFormState,
  formData: FormData,
): Promise<TwoFactorFormState> {
  const user = await requireStaffRoute("action:confirmTotpEnrolmentAction");
  const parsed = codeSchema.safeParse(field(formData, "code"));
  if (!parsed.success) return { ok: false, fieldErrors: { code: parsed.error.issues.map((issue) => issue.message) } };
  try {
    const recoveryCodes = await confirmTotpEnrolment(user.id, parsed.data);
    revalidatePath(SECURITY_PATH);
    return { ok: true, message: "Two-factor sign-in is on.", recoveryCodes };
  } catch (error) {
    return toActionState(error);
  }
}

export async function disableTotpAction(previous: TwoFactorFormState, formData: FormData): Promise<TwoFactorFormState> {
  return unlessDatabaseUnavailable(disableTotpActionWork(previous, formData));
}

async function disableTotpActionWork(_previous: TwoFactorFormState, formData: FormData): Promise<TwoFactorFormState> {
  const user = await requireStaffRoute("action:disableTotpAction");
  const parsed = disableSchema.safeParse({
    proof: field(formData, "proof"),
    code: field(formData, "code"),
    password: field(formData, "password"),
  });
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await disableTwoFactor(
      user.id,
      parsed.data.proof === "code" ? { code: parsed.data.code } : { password: parsed.data.password },
    );
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath(SECURITY_PATH);
  return { ok: true, message: "Two-factor sign-in is off. You can set it up again at any time." };
}

export async function generateRecoveryCodesAction(
  previous: TwoFactorFormState,
  formData: FormData,
): Promise<TwoFactorFormState> {
  return unlessDatabaseUnavailable(generateRecoveryCodesActionWork(previous, formData));
}

async function generateRecoveryCodesActionWork(
  _previous: TwoFactorFormState,
  formData: FormData,
): Promise<TwoFactorFormState> {
  const user = await requireStaffRoute("action:generateRecoveryCodesAction");
  const parsed = codeSchema.safeParse(field(formData, "code"));
  if (!parsed.success) return { ok: false, fieldErrors: { code: parsed.error.issues.map((issue) => issue.message) } };
  try {
    const recoveryCodes = await generateNewRecoveryCodes(user.id, parsed.data);
    revalidatePath(SECURITY_PATH);
    return { ok: true, message: "New recovery codes are ready.", recoveryCodes };
  } catch (error) {
    return toActionState(error);
  }
}
