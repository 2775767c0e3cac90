"use client";

// The header's links, once for wide screens and once in the small-screen menu. One component renders
// both so the signed-in user is fetched once, and so each can mark the page being shown.
// On the public reading pages, which server.mjs sends without React, lib/http/static-content-page.mjs
// (HEADER_ISLAND) does what accountItems does here: keep the two in step.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { MobileMenu } from "./mobile-menu";
import { useSignedInUser, type SignedInUser } from "./use-signed-in-user";

interface NavItem {
  href: string;
  label: string;
  account?: boolean;
  /** Who is signed in is not known yet. */
  pending?: boolean;
}

const SECTIONS: NavItem[] = [
  { href: "/learn", label: "Learn" },
  { href: "/services", label: "Services" },
  { href: "/book", label: "Book" },
];

// Until /api/me answers the account link is kept invisible (its space reserved, so nothing shifts),
// so a signed-in visitor never sees "Sign in" flash first; without JavaScript it stays "Sign in",
// and the account pages send a signed-in visitor on anyway.
function accountItems(user: SignedInUser | null | undefined): NavItem[] {
  if (user === undefined) return [{ href: "/sign-in", label: "Sign in", account: true, pending: true }];
  if (!user) return [{ href: "/sign-in", label: "Sign in", account: true }];
  const account = { href: "/account", label: "Account", account: true };
  return user.role === "CLIENT" ? [account] : [{ href: "/staff", label: "Staff", account: true }, account];
}

/** A section link is current on its own page and on every page below it. */
function isCurrentSection(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

const CURRENT = "aria-[current=page]:bg-teal-100 aria-[current=page]:underline aria-[current=page]:decoration-2";

export function HeaderNav() {
  const pathname = usePathname();
  const user = useSignedInUser(pathname);
  const items = [...SECTIONS, ...accountItems(user)];

  const links = (shape: string) =>
    items.map((item) => (
      <Link
        key={item.href}
        href={item.href}
        aria-current={isCurrentSection(pathname, item.href) ? "page" : undefined}
        data-pending={item.pending ? "" : undefined}
        className={`${shape} inline-flex min-h-11 items-center px-3 py-2 font-semibold underline-offset-[6px] hover:bg-teal-50 ${CURRENT} ${
          item.account ? "text-teal-800" : "text-ink"
        } ${item.pending ? "js-pending-account" : ""}`}
      >
        {item.label}
      </Link>
    ));

  return (
    <>
      <nav aria-label="Main" className="hidden items-center gap-1 sm:flex">
        {links("rounded-full")}
      </nav>
      <MobileMenu label="Main">{links("rounded-xl")}</MobileMenu>
    </>
  );
}
