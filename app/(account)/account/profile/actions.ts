"use server";

// Profile and security: guard → safeParse → domain call → form state (or redirect).
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { signOut } from "@/lib/auth/auth";
import {
  emailChangeSchema,
  passwordChangeSchema,
  profileSchema,
  type ButtonActionState,
  type EmailChangeState,
  type PasswordChangeState,
  type ProfileState,
} from "@/lib/auth/account-schemas";
import { changePassword } from "@/lib/auth/change-password";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { requireUser } from "@/lib/auth/guards";
import { requestEmailChange } from "@/lib/auth/request-email-change";
import { sendEmailVerification } from "@/lib/auth/send-email-verification";
import { sessionClaimsFrom } from "@/lib/auth/session-token";
import { signOutEverywhere } from "@/lib/auth/sign-out-everywhere";
import { updateProfile } from "@/lib/auth/update-profile";
import { getEnv } from "@/lib/env";
import { field } from "@/lib/forms/action-state";

const PROFILE_PATH = "/account/profile";

function describeWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return minutes <= 1 ? "a minute" : `${minutes} minutes`;
}

const WRONG_PASSWORD = "That password is not right. Enter the password you sign in with.";
const tooManyTries = (seconds: number) =>
  `Too many attempts. For your security, please wait ${describeWait(seconds)} and try again.`;

export async function updateProfileAction(previous: ProfileState, formData: FormData): Promise<ProfileState> {
  return unlessDatabaseUnavailable(updateProfileActionWork(previous, formData));
}

async function updateProfileActionWork(_previous: ProfileState, formData: FormData): Promise<ProfileState> {
  const user = await requireUser(PROFILE_PATH);
  const values = { name: field(formData, "name") ?? "", phone: field(formData, "phone") ?? "" };
  const parsed = profileSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const { changed } = await updateProfile(user.id, parsed.data);
  revalidatePath("/account", "layout");
  return {
    ok: true,
    message: changed.length > 0 ? "Your details are saved." : "Nothing to save: your details were already up to date.",
    values: { name: parsed.data.name, phone: parsed.data.phone ?? "" },
  };
}

export async function requestEmailChangeAction(
  previous: EmailChangeState,
  formData: FormData,
): Promise<EmailChangeState> {
  return unlessDatabaseUnavailable(requestEmailChangeActionWork(previous, formData));
}

async function requestEmailChangeActionWork(
  _previous: EmailChangeState,
  formData: FormData,
): Promise<EmailChangeState> {
  const user = await requireUser(PROFILE_PATH);
  const values = { newEmail: field(formData, "newEmail") ?? "" };
  const parsed = emailChangeSchema.safeParse({ ...values, currentPassword: field(formData, "currentPassword") ?? "" });
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const result = await requestEmailChange(parsed.data, user.id);
  if (!result.ok) {
    if (result.reason === "wrong_password")
      return { ok: false, fieldErrors: { currentPassword: [WRONG_PASSWORD] }, values };
    if (result.reason === "same_email") {
      return { ok: false, fieldErrors: { newEmail: ["That is already your account's email."] }, values };
    }
    return { ok: false, formError: tooManyTries(result.retryAfterSeconds ?? 60), values };
  }
  return {
    ok: true,
    message: `If that address can be used, we've sent a link to it. Follow the link to finish the change; until then we keep using ${user.email}.`,
    values: {},
  };
}

export async function changePasswordAction(
  previous: PasswordChangeState,
  formData: FormData,
): Promise<PasswordChangeState> {
  return unlessDatabaseUnavailable(changePasswordActionWork(previous, formData));
}

async function changePasswordActionWork(
  _previous: PasswordChangeState,
  formData: FormData,
): Promise<PasswordChangeState> {
  const user = await requireUser(PROFILE_PATH);
  const parsed = passwordChangeSchema.safeParse({
    currentPassword: field(formData, "currentPassword") ?? "",
    newPassword: field(formData, "newPassword") ?? "",
  });
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const claims = await sessionClaimsFrom(await headers(), getEnv());
  const result = await changePassword(parsed.data, { userId: user.id, currentSessionId: claims?.sid ?? null });
  if (!result.ok) {
    if (result.reason === "wrong_password") return { ok: false, fieldErrors: { currentPassword: [WRONG_PASSWORD] } };
    return { ok: false, formError: tooManyTries(result.retryAfterSeconds ?? 60) };
  }
  const others =
    result.sessionsEnded === 0
      ? "You weren't signed in anywhere else."
      : `We signed you out on ${result.sessionsEnded === 1 ? "1 other device" : `${result.sessionsEnded} other devices`}.`;
  return { ok: true, message: `Your password is changed. ${others}` };
}

// Every session ends first, this one included; only then is this browser's cookie cleared.
export async function signOutEverywhereAction(): Promise<void> {
  const user = await requireUser(PROFILE_PATH);
  const requestHeaders = await headers();
  await signOutEverywhere(user.id, clientIpFrom(requestHeaders, getEnv().TRUST_PROXY_HOPS));
  await signOut({ redirectTo: "/sign-in" });
}

export async function resendVerificationAction(_previous: ButtonActionState): Promise<ButtonActionState> {
  const user = await requireUser("/account");
  const result = await sendEmailVerification(user.id);
  if (result.ok) return { ok: true, message: `We've sent a new link to ${user.email}. It works for 7 days.` };
  if (result.reason === "already_verified") return { ok: true, message: "Your email address is already confirmed." };
  return {
    ok: false,
    formError: `We've sent several links already. Please wait ${describeWait(result.retryAfterSeconds)} before asking for another, and check your spam folder.`,
  };
}
