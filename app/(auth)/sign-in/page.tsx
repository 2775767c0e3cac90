import type { Metadata } from "next";
import { signInAction } from "../actions";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser } from "@/lib/auth/guards";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const { callbackUrl } = await searchParams;
  const destination = callbackUrl ? safeRedirectPath(callbackUrl) : undefined;
  if (await getCurrentUser()) redirect(destination ?? "/account");
  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Sign in</h1>
      <p className="mb-8 mt-2 text-muted">See your appointments and visit history.</p>
      <SignInForm action={signInAction} callbackUrl={destination} />
    </>
  );
}
