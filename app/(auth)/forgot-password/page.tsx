import type { Metadata } from "next";
import Link from "next/link";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";
import { forgotPasswordAction } from "./actions";

export const metadata: Metadata = { title: "Forgot your password?", robots: { index: false } };

export default function ForgotPasswordPage() {
  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Forgot your password?</h1>
      <p className="mb-8 mt-2 text-muted">
        Enter the email you use with us, and we&apos;ll send you a link to choose a new password.
      </p>
      <ForgotPasswordForm action={forgotPasswordAction} />
      <p className="mt-6 text-muted">
        Remembered it?{" "}
        <Link className="font-semibold text-teal-800 underline" href="/sign-in">
          Sign in
        </Link>
      </p>
    </>
  );
}
