import type { Metadata } from "next";
import { AccountLinkProblem } from "@/components/auth/account-link-problem";
import { ConfirmLinkForm } from "@/components/auth/confirm-link-form";
import { checkEmailVerificationLink } from "@/lib/auth/verify-email";
import { verifyEmailAction } from "./actions";

// The token is in the address: it must not travel to other sites in a Referer header.
export const metadata: Metadata = { title: "Confirm your email", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

export default async function VerifyEmailPage({ params }: Props) {
  const { token } = await params;
  const link = await checkEmailVerificationLink(token);
  if (link !== "valid") {
    return (
      <AccountLinkProblem
        reason={link}
        heading="This confirmation link can't be used"
        newLink={{ href: "/account", label: "Go to your account to get a new link" }}
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
        next={{ href: "/account", label: "Go to your account" }}
      />
    </>
  );
}
