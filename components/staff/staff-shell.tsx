import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { getClinicIdentity } from "@/lib/clinic/clinic-identity";
import { StaffNav, type StaffNavItem } from "./staff-nav";

const ROLE_LABEL = { ADMIN: "Admin", THERAPIST: "Therapist", CLIENT: "Client" } as const;

// The staff area's own frame: who is signed in and as what, the staff sections, sign out. No public
// marketing footer; large targets for a tablet between two clients.
export function StaffShell({
  user,
  nav,
  signOutAction,
  children,
}: {
  user: { name: string | null; email: string; role: keyof typeof ROLE_LABEL };
  nav: StaffNavItem[];
  signOutAction: () => Promise<void>;
  children: ReactNode;
}) {
  return (
    <>
      <header className="border-b border-teal-600/15 bg-white">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
        >
          Skip to content
        </a>
        <div className="mx-auto flex max-w-7xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <Link
            href="/staff"
            className="inline-flex min-h-11 items-center font-serif text-xl font-semibold text-teal-800"
          >
            {getClinicIdentity().shortName} · Staff
          </Link>
          <div className="flex flex-wrap items-center gap-3">
            <p className="text-right leading-tight" data-testid="signed-in-as">
              <span className="block font-semibold">{user.name ?? user.email}</span>
              <span className="text-sm text-muted">Signed in as {ROLE_LABEL[user.role]}</span>
            </p>
            <SignOutButton action={signOutAction} />
          </div>
        </div>
        <div className="mx-auto max-w-7xl px-4 pb-2">
          <StaffNav items={nav} />
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-7xl flex-1 px-4 py-8">
        {children}
      </main>
    </>
  );
}
