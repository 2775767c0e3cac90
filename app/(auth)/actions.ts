"use server";

// Sign-up, sign-in and sign-out. Guard → safeParse → domain call → form state or redirect.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { headers } from "next/headers";
import { redirect, RedirectType } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { SecondFactorInvalid, SecondFactorRequired, signIn, signOut, SignInThrottled } from "@/lib/auth/auth";
import { CredentialsSignin } from "next-auth";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { homePathFor } from "@/lib/auth/home-path";
import { endCurrentSession } from "@/lib/auth/sign-out";
import { registerClient } from "@/lib/auth/register-client";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { signInSchema, signUpSchema, type SignInState, type SignUpState } from "@/lib/auth/schemas";
import { getEnv } from "@/lib/env";
import { field } from "@/lib/forms/action-state";

function requestedDestination(formData: FormData): string | undefined {
  const value = formData.get("callbackUrl");
  return typeof value === "string" && value !== "" ? safeRedirectPath(value) : undefined;
}

// One answer for a wrong password, an unknown email and an account not confirmed yet (authenticate.ts).
const SIGN_IN_REFUSED =
  "Email or password is incorrect. If you have just created an account, first follow the link we emailed you to confirm it.";

function describeWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}

// Signs in and redirects: to the page the person was sent from, else to their home (staff to the
// schedule, clients to their appointments). Returns what to show only when sign-in did not finish:
// a message, or the request for the two-factor code once the password was right.
async function signInOrExplain(
  credentials: { email: string; password: string; code?: string | undefined },
  requested: string | undefined,
): Promise<{ formError?: string; needsCode?: boolean }> {
  try {
    await signIn("credentials", { ...credentials, code: credentials.code ?? "", redirect: false });
  } catch (error) {
    if (error instanceof SignInThrottled) {
      return {
        formError: `Too many sign-in attempts. For your security, please wait ${describeWait(error.retryAfterSeconds)} and try again.`,
      };
    }
    if (error instanceof SecondFactorRequired) return { needsCode: true };
    if (error instanceof SecondFactorInvalid) {
      return {
        needsCode: true,
        formError: "That code didn't work. Enter the code your app shows now, or one of your recovery codes.",
      };
    }
    if (error instanceof CredentialsSignin) return { formError: SIGN_IN_REFUSED };
    throw error;
  }
  // Replace, not push: the sign-in page leaves the history, so Back from where the client
  // lands goes to the page before the form, not to a form that would only bounce a signed-in client.
  redirect(requested ?? (await homePathFor(credentials.email)), RedirectType.replace);
}

export async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
  return unlessDatabaseUnavailable(signInActionWork(previous, formData));
}

async function signInActionWork(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const values = { email: field(formData, "email") ?? "" };
  const parsed = signInSchema.safeParse({
    email: values.email,
    password: field(formData, "password") ?? "",
    code: field(formData, "code") || undefined,
  });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors;
    return { ok: false, fieldErrors, values, needsCode: Boolean(fieldErrors.code) };
  }
  const outcome = await signInOrExplain(parsed.data, requestedDestination(formData));
  return { ok: false, ...outcome, values };
}

export async function signUpAction(previous: SignUpState, formData: FormData): Promise<SignUpState> {
  return unlessDatabaseUnavailable(signUpActionWork(previous, formData));
}

async function signUpActionWork(_previous: SignUpState, formData: FormData): Promise<SignUpState> {
  const values = { name: field(formData, "name") ?? "", email: field(formData, "email") ?? "" };
  const parsed = signUpSchema.safeParse({ ...values, password: field(formData, "password") ?? "" });
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };

  const clientIp = clientIpFrom(await headers(), getEnv().TRUST_PROXY_HOPS);
  // The same answer, in the same time, whether or not the address has an account: the work that
  // differs (creating it, or telling its owner) runs after the answer has gone.
  const result = await registerClient(parsed.data, clientIp, {
    defer: (work) => after(work),
    returnTo: requestedDestination(formData),
  });
  if (!result.ok) {
    return {
      ok: false,
      formError: `Too many new accounts from this network. Please wait ${describeWait(result.retryAfterSeconds)} and try again, or call the clinic.`,
      values,
    };
  }
  return {
    ok: true,
    message: `We've sent a message to ${parsed.data.email}. To finish creating your account, follow the link in it, then sign in. If nothing arrives in a few minutes, check your spam folder.`,
    values,
  };
}

// The server-side session ends first. If that fails the action throws (the error page shows) and
// the cookie is left alone: signing out never reports success while the session lives on.
export async function signOutAction(): Promise<void> {
  await endCurrentSession(await headers());
  await signOut({ redirectTo: "/" });
}
