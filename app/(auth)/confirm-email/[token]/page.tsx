import type { Metadata } from "next";
import { AccountLinkProblem } from "@/components/auth/account-link-problem";
import { ConfirmLinkForm } from "@/components/auth/confirm-link-form";
import { checkEmailChangeLink } from "@/lib/auth/confirm-email-change";
import { confirmEmailChangeAction } from "./actions";

// The token is in the address: it must not travel to other sites in a Referer header.
export const metadata: Metadata = {
  title: "Confirm your new email",
  robots: { index: false },
  referrer: "no-referrer",
};

type Props = { params: Promise<{ token: string }> };

export default async function ConfirmEmailPage({ params }: Props) {
  const { token } = await params;
  const link = await checkEmailChangeLink(token);
  if (link !== "valid") {
    return (
      <AccountLinkProblem
        reason={link}
        heading="This confirmation link can't be used"
        newLink={{ href: "/account/profile", label: "Change my email again" }}
      />
    );
  }
  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Confirm your new email</h1>
      <p className="mb-8 mt-2 text-muted">
        Your account will use this address from now on, for signing in and for our messages.
      </p>
      <ConfirmLinkForm
        token={token}
        label="Use this email address"
        action={confirmEmailChangeAction}
        next={{ href: "/account/profile", label: "Go to your profile" }}
      />
    </>
  );
}
