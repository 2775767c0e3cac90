import type { Metadata } from "next";
import { AccountLinkProblem } from "@/components/auth/account-link-problem";
import { ConfirmLinkForm } from "@/components/auth/confirm-link-form";
import { getCurrentUser } from "@/lib/auth/guards";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { checkEmailVerificationLink } from "@/lib/auth/verify-email";
import { verifyEmailAction } from "./actions";

// The token is in the address: it must not travel to other sites in a Referer header.
export const metadata: Metadata = { title: "Confirm your email", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ callbackUrl?: string }> };

export default async function VerifyEmailPage({ params, searchParams }: Props) {
  const { token } = await params;
  const { callbackUrl } = await searchParams;
  // Where the sign-up started (a booking in progress), carried in the link; only a same-site path.
  const destination = callbackUrl ? safeRedirectPath(callbackUrl) : undefined;
  const link = await checkEmailVerificationLink(token);
  const signedIn = (await getCurrentUser()) !== null;
  if (link !== "valid") {
    return (
      <AccountLinkProblem
        reason={link}
        heading="This confirmation link can't be used"
        newLink={
          // Signed out, an unconfirmed client cannot reach their account: a reset link confirms the
          // address as well (reset-password.ts).
          signedIn
            ? { href: "/account", label: "Go to your account to get a new link" }
            : { href: "/forgot-password", label: "Get a link to set your password and confirm this address" }
        }
      />
    );
  }
  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Confirm your email</h1>
      <p className="mb-8 mt-2 text-muted">One press, and we know our appointment messages reach you.</p>
      <ConfirmLinkForm
        token={token}
        label="Confirm my email"
        action={verifyEmailAction}
        next={
          // A new client is not signed in yet: their account opens with the password they chose.
          signedIn
            ? { href: destination ?? "/account", label: "Go to your account" }
            : { href: `/sign-in?callbackUrl=${encodeURIComponent(destination ?? "/account")}`, label: "Sign in" }
        }
      />
    </>
  );
}
