import type { Metadata } from "next";
import { EmailChangeForm } from "@/components/account/email-change-form";
import { PasswordChangeForm } from "@/components/account/password-change-form";
import { ProfileForm } from "@/components/account/profile-form";
import { SignOutEverywhereForm } from "@/components/account/sign-out-everywhere-form";
import { requireUser } from "@/lib/auth/guards";
import { getProfile } from "@/lib/auth/update-profile";
import {
  changePasswordAction,
  requestEmailChangeAction,
  signOutEverywhereAction,
  updateProfileAction,
} from "./actions";

export const metadata: Metadata = { title: "Profile & security", robots: { index: false } };

const SECTION = "rounded-2xl bg-white p-5 ring-1 ring-teal-600/15 sm:p-6";

export default async function ProfilePage() {
  const user = await requireUser("/account/profile");
  const profile = await getProfile(user.id);

  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Profile &amp; security</h1>
      <div className="mt-8 flex max-w-xl flex-col gap-8">
        <section aria-labelledby="details-heading" className={SECTION}>
          <h2 id="details-heading" className="mb-4 text-2xl font-semibold">
            Your details
          </h2>
          <ProfileForm
            action={updateProfileAction}
            initial={{ name: profile.name ?? "", phone: profile.phone ?? "" }}
          />
        </section>

        <section aria-labelledby="email-heading" className={SECTION}>
          <h2 id="email-heading" className="text-2xl font-semibold">
            Email
          </h2>
          <p className="mb-4 mt-2">
            Your account uses <strong className="break-all">{profile.email}</strong>
            {profile.emailVerified ? " (confirmed)." : " (not confirmed yet)."} To change it, we send a link to the new
            address; the change happens when you follow it.
          </p>
          <EmailChangeForm action={requestEmailChangeAction} />
        </section>

        <section aria-labelledby="password-heading" className={SECTION}>
          <h2 id="password-heading" className="text-2xl font-semibold">
            Password
          </h2>
          <p className="mb-4 mt-2">
            Changing your password signs you out on your other devices; you stay signed in here.
          </p>
          <PasswordChangeForm action={changePasswordAction} />
        </section>

        <section aria-labelledby="devices-heading" className={SECTION}>
          <h2 id="devices-heading" className="text-2xl font-semibold">
            Signed-in devices
          </h2>
          <p className="mb-4 mt-2">
            Lost a phone, or signed in on a shared computer? Sign out everywhere, this browser included.
          </p>
          <SignOutEverywhereForm action={signOutEverywhereAction} />
        </section>
      </div>
    </>
  );
}
