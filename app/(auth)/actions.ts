"use server";

// Sign-up, sign-in and sign-out. Guard → safeParse → domain call → form state or redirect.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { headers } from "next/headers";
import { redirect, RedirectType } from "next/navigation";
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

const field = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

function requestedDestination(formData: FormData): string | undefined {
  const value = formData.get("callbackUrl");
  return typeof value === "string" && value !== "" ? safeRedirectPath(value) : undefined;
}

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
    if (error instanceof CredentialsSignin) return { formError: "Email or password is incorrect." };
    throw error;
  }
  // Replace, not push: the sign-in or sign-up page leaves the history, so Back from where the client
  // lands goes to the page before the form, not to a form that would only bounce a signed-in client.
  redirect(requested ?? (await homePathFor(credentials.email)), RedirectType.replace);
}

export async function signInAction(previous: SignInState, formData: FormData): Promise<SignInState> {
  return unlessDatabaseUnavailable(signInActionWork(previous, formData));
}

async function signInActionWork(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const values = { email: field(formData, "email") };
  const parsed = signInSchema.safeParse({
    email: values.email,
    password: field(formData, "password"),
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
  const values = { name: field(formData, "name"), email: field(formData, "email") };
  const parsed = signUpSchema.safeParse({ ...values, password: field(formData, "password") });
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };

  const clientIp = clientIpFrom(await headers(), getEnv().TRUST_PROXY_HOPS);
  const result = await registerClient(parsed.data, clientIp);
  if (!result.ok && result.reason === "throttled") {
    return {
      ok: false,
      formError: `Too many new accounts from this network. Please wait ${describeWait(result.retryAfterSeconds)} and try again, or call the clinic.`,
      values,
    };
  }
  if (!result.ok) {
    return {
      ok: false,
      fieldErrors: { email: ["An account with this email already exists. Sign in instead, or use another email."] },
      values,
    };
  }
  const { formError } = await signInOrExplain(parsed.data, requestedDestination(formData));
  return { ok: false, formError: `Your account was created, but signing in failed: ${formError}`, values };
}

// The server-side session ends first. If that fails the action throws (the error page shows) and
// the cookie is left alone: signing out never reports success while the session lives on.
export async function signOutAction(): Promise<void> {
  await endCurrentSession(await headers());
  await signOut({ redirectTo: "/" });
}
