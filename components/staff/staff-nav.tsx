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

export function StaffNav({ items }: { items: StaffNavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Staff">
      <ul className="flex flex-wrap gap-1">
        {items.map((item) => (
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
