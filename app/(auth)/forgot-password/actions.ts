"use server";

// "Forgot password?": safeParse → domain call → the same neutral answer for every address.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { headers } from "next/headers";
import { after } from "next/server";
import { z } from "zod";
import { forgotPasswordSchema, type ForgotPasswordState } from "@/lib/auth/account-schemas";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { requestPasswordReset } from "@/lib/auth/request-password-reset";
import { getEnv } from "@/lib/env";

export async function forgotPasswordAction(
  previous: ForgotPasswordState,
  formData: FormData,
): Promise<ForgotPasswordState> {
  return unlessDatabaseUnavailable(forgotPasswordActionWork(previous, formData));
}

async function forgotPasswordActionWork(
  _previous: ForgotPasswordState,
  formData: FormData,
): Promise<ForgotPasswordState> {
  const raw = formData.get("email");
  const values = { email: typeof raw === "string" ? raw : "" };
  const parsed = forgotPasswordSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const clientIp = clientIpFrom(await headers(), getEnv().TRUST_PROXY_HOPS);
  const result = await requestPasswordReset(parsed.data, clientIp, { defer: (work) => after(work) });
  if (!result.ok) {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    return {
      ok: false,
      formError: `Too many reset requests. Please wait ${minutes === 1 ? "a minute" : `${minutes} minutes`} and try again, or call the clinic.`,
      values,
    };
  }
  return {
    ok: true,
    message:
      "If an account uses that address, we've sent it a link to choose a new password. The link works once, for one hour. If nothing arrives in a few minutes, check your spam folder.",
    values,
  };
}
