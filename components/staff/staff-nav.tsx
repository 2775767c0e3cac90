"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface StaffNavItem {
  href: string;
  label: string;
}

// "/staff" is current only on itself; the other sections on their pages and everything below them.
function isCurrent(pathname: string, href: string): boolean {
  if (href === "/staff") return pathname === "/staff" || pathname.startsWith("/staff/appointments");
  return pathname === href || pathname.startsWith(`${href}/`);
}

const LINK =
  "inline-flex min-h-11 w-full items-center rounded-full px-4 font-semibold text-teal-800 hover:bg-teal-50 aria-[current=page]:bg-teal-100 aria-[current=page]:underline sm:w-auto";

// On a phone an admin's ten sections would wrap into four rows of pills above every page: there they
// fold into a menu that names the current section; from the small-tablet width up they sit in a row.
export function StaffNav({ items }: { items: StaffNavItem[] }) {
  const pathname = usePathname();
  const current = items.find((item) => isCurrent(pathname, item.href));
  const links = items.map((item) => (
    <li key={item.href}>
      <Link href={item.href} aria-current={isCurrent(pathname, item.href) ? "page" : undefined} className={LINK}>
        {item.label}
      </Link>
    </li>
  ));
  return (
    <nav aria-label="Staff">
      {/* Keyed on the page, so the menu is closed again after following one of its links. */}
      <details key={pathname} className="group sm:hidden">
        <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between rounded-full px-4 font-semibold text-teal-800 ring-1 ring-teal-600/40 hover:bg-teal-50 [&::-webkit-details-marker]:hidden">
          <span>Menu{current ? <span className="font-normal">: {current.label}</span> : null}</span>
          <span aria-hidden="true" className="transition-transform group-open:rotate-180">
            ▾
          </span>
        </summary>
        <ul className="mt-2 grid grid-cols-2 gap-1">{links}</ul>
      </details>
      <ul className="hidden flex-wrap gap-1 sm:flex">{links}</ul>
    </nav>
  );
}
