import Link from "next/link";
import { CLINIC } from "@/lib/clinic";
import { AccountNav } from "./account-nav";

const NAV = [
  { href: "/learn", label: "Learn" },
  { href: "/services", label: "Services" },
  { href: "/book", label: "Book" },
];

function Logo() {
  return (
    <Link href="/" className="flex items-center gap-2 font-serif text-xl font-semibold text-teal-800">
      <svg aria-hidden="true" viewBox="0 0 32 32" className="h-8 w-8">
        <circle cx="16" cy="16" r="15" fill="var(--color-teal-600)" />
        <path
          d="M16 24s-7-4.4-7-9.6A3.9 3.9 0 0 1 16 12a3.9 3.9 0 0 1 7 2.4C23 19.6 16 24 16 24z"
          fill="var(--color-sand)"
        />
      </svg>
      <span>{CLINIC.shortName}</span>
      <span className="sr-only">{CLINIC.name}, home</span>
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
        <nav aria-label="Main" className="hidden items-center gap-1 sm:flex">
          {NAV.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className="rounded-full px-3 py-2 font-semibold text-ink hover:bg-teal-50"
            >
              {item.label}
            </Link>
          ))}
          <AccountNav />
        </nav>
        {/* Small screens: a disclosure menu that works without JavaScript. */}
        <details className="group relative sm:hidden">
          <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-full px-4 font-semibold text-teal-800 ring-1 ring-teal-600/30 [&::-webkit-details-marker]:hidden">
            Menu
            <span aria-hidden="true" className="transition-transform group-open:rotate-180">
              ▾
            </span>
          </summary>
          <nav
            aria-label="Main"
            className="absolute right-0 z-40 mt-2 flex w-56 flex-col gap-1 rounded-2xl bg-white p-2 shadow-lg ring-1 ring-teal-600/20"
          >
            {NAV.map((item) => (
              <Link key={item.href} href={item.href} className="rounded-xl px-3 py-2 font-semibold hover:bg-teal-50">
                {item.label}
              </Link>
            ))}
            <AccountNav />
          </nav>
        </details>
      </div>
    </header>
  );
}
