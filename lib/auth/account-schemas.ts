// Form schemas for the account's profile and security forms (profile, email change, password change,
// forgotten password, reset). Shared by the forms and the Server Actions, which are the authority.
import { z } from "zod";
import { personName } from "@/lib/forms/text";
import { PASSWORD_MAX_LENGTH } from "./password-policy";
import { emailSchema, newPasswordSchema } from "./schemas";

/** The word a client types to confirm that their account should be deleted. */
export const DELETE_CONFIRMATION_WORD = "DELETE";

export const nameSchema = personName({ required: "Enter your name." });

// Optional. Digits with the usual separators; 7 to 15 digits (E.164 allows 15), a leading + allowed.
export const phoneSchema = z
  .string()
  .trim()
  .max(30, "Use at most 30 characters.")
  .refine((value) => value === "" || /^\+?[0-9 ().-]+$/.test(value), {
    message: "Use digits, spaces, brackets, dots or dashes, like (718) 555-0142 or +1 718 555 0142.",
    abort: true,
  })
  .refine(
    (value) => {
      const digits = value.replace(/\D/g, "").length;
      return value === "" || (digits >= 7 && digits <= 15);
    },
    { message: "A phone number has 7 to 15 digits." },
  )
  .transform((value) => (value === "" ? null : value));

export const profileSchema = z.object({ name: nameSchema, phone: phoneSchema });
export type ProfileInput = z.infer<typeof profileSchema>;

// Only a size bound on the current password: the policy applies to new ones.
export const currentPasswordSchema = z
  .string({ error: "Enter your current password." })
  .min(1, "Enter your current password.")
  .max(PASSWORD_MAX_LENGTH, "That password is not right.");

export const emailChangeSchema = z.object({ newEmail: emailSchema, currentPassword: currentPasswordSchema });
export type EmailChangeInput = z.infer<typeof emailChangeSchema>;

export const passwordChangeSchema = z
  .object({ currentPassword: currentPasswordSchema, newPassword: newPasswordSchema })
  .refine((input) => input.currentPassword !== input.newPassword, {
    message: "Choose a password different from your current one.",
    path: ["newPassword"],
  });
export type PasswordChangeInput = z.infer<typeof passwordChangeSchema>;

export const forgotPasswordSchema = z.object({ email: emailSchema });
export type ForgotPasswordInput = z.infer<typeof forgotPasswordSchema>;

export const accountTokenSchema = z.string().trim().min(20).max(100);

export const resetPasswordSchema = z.object({ token: accountTokenSchema, newPassword: newPasswordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordSchema>;

/** What a profile or security form gets back; `message` is the success line to show. */
export interface AccountFormState<Values extends Record<string, string>> {
  ok: boolean;
  fieldErrors?: Partial<Record<keyof Values | "currentPassword" | "newPassword", string[]>>;
  formError?: string;
  message?: string;
  // What was typed, never a password, so nothing is lost on a bad submission.
  values?: Partial<Values>;
}

export type ProfileState = AccountFormState<{ name: string; phone: string }>;
export type EmailChangeState = AccountFormState<{ newEmail: string }>;
export type PasswordChangeState = AccountFormState<Record<string, never>>;
export type ForgotPasswordState = AccountFormState<{ email: string }>;
export type ResetPasswordState = AccountFormState<Record<string, never>>;
/** A button-only action (send the verification link again, sign out everywhere). */
export type ButtonActionState = { ok: boolean; message?: string; formError?: string };
