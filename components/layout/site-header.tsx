import Link from "next/link";
import { HeaderNav } from "./header-nav";
import { getClinicIdentity } from "@/lib/clinic/clinic-identity";

function Logo() {
  return (
    <Link
      href="/"
      aria-label={`${getClinicIdentity().name}, home`}
      className="flex min-h-11 items-center gap-2 font-serif text-xl font-semibold text-teal-800"
    >
      <svg aria-hidden="true" viewBox="0 0 32 32" className="h-8 w-8">
        <circle cx="16" cy="16" r="15" fill="var(--color-teal-600)" />
        <path
          d="M16 24s-7-4.4-7-9.6A3.9 3.9 0 0 1 16 12a3.9 3.9 0 0 1 7 2.4C23 19.6 16 24 16 24z"
          fill="var(--color-sand)"
        />
      </svg>
      {/* The link's label names the clinic in full; this visible short name would only repeat it. */}
      <span aria-hidden="true">{getClinicIdentity().shortName}</span>
    </Link>
  );
}

export function SiteHeader() {
  return (
    <header className="border-b border-teal-600/15 bg-sand/95">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-3 focus:top-3 focus:z-50 focus:rounded focus:bg-white focus:px-4 focus:py-2"
      >
        Skip to content
      </a>
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <Logo />
        <HeaderNav />
      </div>
    </header>
  );
}
