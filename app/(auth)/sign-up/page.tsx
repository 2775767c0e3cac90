import type { Metadata } from "next";
import { signUpAction } from "../actions";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { getCurrentUser } from "@/lib/auth/guards";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

export const metadata: Metadata = { title: "Create an account", robots: { index: false } };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const destination = callbackUrl ? safeRedirectPath(callbackUrl) : undefined;
  if (await getCurrentUser()) redirect(destination ?? "/account");
  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Create your account</h1>
      <p className="mb-8 mt-2 text-muted">Keep track of your visits and aftercare in one place.</p>
      <SignUpForm action={signUpAction} callbackUrl={destination} />
    </>
  );
}
