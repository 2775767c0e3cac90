import type { ReactNode } from "react";
import { requireRole, STAFF_ROLES } from "@/lib/auth/guards";

// Clients and visitors get a 404 here: the staff area's existence is not advertised.
export default async function StaffLayout({ children }: { children: ReactNode }) {
  await requireRole(STAFF_ROLES, "/staff");
  return <div className="mx-auto w-full max-w-6xl px-4 py-10">{children}</div>;
}
