// The guard every staff page and Server Action calls with its own entry in STAFF_ROUTES: the roles
// come from that one list. Anyone else gets a 404 (the staff area is not advertised); a visitor who
// is not signed in is sent to sign in and back.
import "server-only";
import { requireRole, type CurrentUser } from "@/lib/auth/guards";
import { STAFF_ROUTES, type StaffRouteKey } from "./staff-routes";

export async function requireStaffRoute(key: StaffRouteKey, returnTo?: string): Promise<CurrentUser> {
  const route = STAFF_ROUTES[key];
  return requireRole(route.roles, returnTo ?? (route.kind === "page" && !key.includes("[") ? key : "/staff"));
}
