import type { ReactNode } from "react";
import { signOutAction } from "@/app/(auth)/actions";
import { StaffShell } from "@/components/staff/staff-shell";
import { requireRole, STAFF_ROLES } from "@/lib/auth/guards";
import { staffPagesFor, type StaffRouteKey } from "@/lib/auth/staff-routes";

const NAV_LABELS: Partial<Record<StaffRouteKey, string>> = {
  "/staff": "Day",
  "/staff/week": "Week",
  "/staff/clients": "Clients",
  "/staff/book": "Book",
  "/staff/reports": "Reports",
  "/staff/team": "Team",
  "/staff/emails": "Emails",
  "/staff/services": "Services",
  "/staff/hours": "Hours",
  "/staff/security": "Security",
};

// Clients and visitors get a 404 here: the staff area's existence is not advertised. Each page
// checks again with its own entry in lib/auth/staff-routes.ts.
export default async function StaffGroupLayout({ children }: { children: ReactNode }) {
  const user = await requireRole(STAFF_ROLES, "/staff");
  const nav = staffPagesFor(user.role).flatMap((key) => {
    const label = NAV_LABELS[key];
    return label ? [{ href: key, label }] : [];
  });
  return (
    <StaffShell user={user} nav={nav} signOutAction={signOutAction}>
      {children}
    </StaffShell>
  );
}
