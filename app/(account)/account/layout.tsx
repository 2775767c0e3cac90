import type { ReactNode } from "react";
import { AccountNav } from "@/components/account/account-nav";
import { EmailVerificationBanner } from "@/components/account/email-verification-banner";
import { requireUser } from "@/lib/auth/guards";
import { isEmailVerified } from "@/lib/auth/send-email-verification";
import { resendVerificationAction } from "./profile/actions";

export default async function AccountLayout({ children }: { children: ReactNode }) {
  const user = await requireUser("/account");
  const verified = await isEmailVerified(user.id);
  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-10">
      <AccountNav />
      {verified ? null : <EmailVerificationBanner email={user.email} action={resendVerificationAction} />}
      {children}
    </div>
  );
}
