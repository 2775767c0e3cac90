"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const ACCOUNT_NAV_ITEMS = [
  { href: "/account", label: "My appointments" },
  { href: "/account/profile", label: "Profile & security" },
  { href: "/account/messages", label: "Messages" },
  { href: "/account/consent", label: "Consent" },
  { href: "/account/privacy", label: "Privacy" },
] as const;

// "My appointments" stays current on an appointment's own pages; the others on their page and below.
function isCurrent(pathname: string, href: string): boolean {
  if (href === "/account") return pathname === "/account" || pathname.startsWith("/account/bookings");
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function AccountNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Your account" className="mb-8 print:hidden">
      <ul className="flex flex-wrap gap-1 border-b border-teal-600/15 pb-2">
        {ACCOUNT_NAV_ITEMS.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={isCurrent(pathname, item.href) ? "page" : undefined}
              className="inline-flex min-h-11 items-center rounded-full px-4 font-semibold text-teal-800 hover:bg-teal-50 aria-[current=page]:bg-teal-100 aria-[current=page]:underline"
            >
              {item.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
