import type { Metadata } from "next";
import { AccountLinkProblem } from "@/components/auth/account-link-problem";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { checkPasswordResetLink } from "@/lib/auth/reset-password";
import { resetPasswordAction } from "./actions";

// The token is in the address: it must not travel to other sites in a Referer header.
export const metadata: Metadata = { title: "Choose a new password", robots: { index: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }> };

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  const link = await checkPasswordResetLink(token);
  if (link !== "valid") {
    return (
      <AccountLinkProblem
        reason={link}
        heading="This reset link can't be used"
        newLink={{ href: "/forgot-password", label: "Send me a new link" }}
      />
    );
  }
  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Choose a new password</h1>
      <p className="mb-8 mt-2 text-muted">Setting it signs you out on every device, so you can start fresh.</p>
      <ResetPasswordForm token={token} action={resetPasswordAction} />
    </>
  );
}
