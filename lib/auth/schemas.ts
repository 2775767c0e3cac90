// Form schemas for sign-up and sign-in, validated on the server for every submission.
import { z } from "zod";
import { hasHiddenCharacters, personName } from "@/lib/forms/text";
import type { FormState } from "@/lib/forms/form-state";
import { isCommonPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-policy";

export const emailSchema = z
  .string({ error: "Enter your email address." })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address.")
  .max(254, "That email address is too long.")
  .pipe(z.email("Enter a valid email address, like name@example.com."));

// One message at a time: the first rule a password breaks (abort stops the later checks).
export const newPasswordSchema = z
  .string({ error: "Choose a password." })
  .min(1, { message: "Choose a password.", abort: true })
  .min(PASSWORD_MIN_LENGTH, { message: `Use at least ${PASSWORD_MIN_LENGTH} characters.`, abort: true })
  .max(PASSWORD_MAX_LENGTH, { message: `Use at most ${PASSWORD_MAX_LENGTH} characters.`, abort: true })
  // Any letters, digits, spaces and symbols of any script; but not an invisible or control
  // character, which a keyboard may not type again the same way (and which no form of the site takes).
  .refine((password) => !hasHiddenCharacters(password), {
    message: "Remove the hidden or control characters from your password.",
    abort: true,
  })
  .refine((password) => !isCommonPassword(password), {
    message: "That password is too common and easy to guess. Try a short phrase of unrelated words.",
  });

export const signUpSchema = z.object({
  name: personName({ required: "Enter your name." }),
  email: emailSchema,
  password: newPasswordSchema,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email: emailSchema,
  // Only a size bound: the policy applies when a password is chosen, not when it is typed.
  password: z
    .string({ error: "Enter your password." })
    .min(1, "Enter your password.")
    .max(PASSWORD_MAX_LENGTH, "Email or password is incorrect."),
  // The second step for an account with two-factor sign-in: a 6-digit code or a recovery code.
  code: z.string().trim().max(40, "Enter the 6-digit code from your app, or a recovery code.").optional(),
});
export type SignInInput = z.infer<typeof signInSchema>;

// needsCode: the password was right and the account asks for its two-factor code next.
export type SignInState = FormState<{ email: string; code: string }> & { needsCode?: boolean };
// message: the one "check your email" answer, the same whether or not the address had an account.
// The invited staff member chooses a password; the address is given back after a refusal.
export type AcceptInviteState = FormState<{ email: string }>;
export type SignUpState = FormState<{ name: string; email: string }> & { message?: string };
