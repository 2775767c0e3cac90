import type { Metadata } from "next";
import { AcceptInviteForm } from "@/components/auth/accept-invite-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { checkStaffInvite, staffInviteEmail } from "@/lib/auth/accept-staff-invite";
import { acceptInviteAction } from "./actions";

export const metadata: Metadata = { title: "Join the clinic's team", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

const UNUSABLE = {
  invalid:
    "This invitation link is not valid. Check that you opened the whole link from the email, or ask the clinic's admin to send a new one.",
  expired: "This invitation link has expired. Ask the clinic's admin to send a new one.",
  used: "This invitation has already been used. Sign in with your email and the password you chose.",
} as const;

// The link from a staff invitation email. The token is checked here without being used; setting
// the password uses it.
export default async function AcceptInvitePage({ params }: Props) {
  const { token } = await params;
  const status = await checkStaffInvite(token);
  const email = status === "valid" ? await staffInviteEmail(token) : null;
  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Join the clinic&apos;s team</h1>
      {status === "valid" && email ? (
        <>
          <p className="mb-8 mt-2 text-muted">Choose a password to finish setting up your staff account.</p>
          <AcceptInviteForm token={token} email={email} action={acceptInviteAction} />
        </>
      ) : (
        <div className="mt-6 flex flex-col gap-4">
          <Alert tone="error" title="This link can't be used">
            {UNUSABLE[status === "valid" ? "invalid" : status]}
          </Alert>
          <div>
            <ButtonLink href="/sign-in" variant="secondary">
              Go to sign in
            </ButtonLink>
          </div>
        </div>
      )}
    </>
  );
}
