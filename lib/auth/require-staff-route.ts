// The guard every staff page and Server Action calls with its own entry in STAFF_ROUTES: the roles
// come from that one list. Anyone else gets a 404 (the staff area is not advertised); a visitor who
// is not signed in is sent to sign in and back. With REQUIRE_STAFF_MFA=true, staff who have not set
// up two-factor sign-in are sent to the Security page, and their actions are refused.
import "server-only";
import { redirect } from "next/navigation";
import { requireRole, type CurrentUser } from "./guards";
import { getEnv } from "@/lib/env";
import { Unprocessable } from "@/lib/errors/domain-errors";
import { ApiError } from "@/lib/http/api-error";
import { STAFF_ROUTES, staffRouteAllows, type StaffRouteKey } from "./staff-routes";
import { staffRouteWaitsForTwoFactor, TWO_FACTOR_SETUP_PATH } from "./staff-two-factor-gate";

export async function requireStaffRoute(key: StaffRouteKey, returnTo?: string): Promise<CurrentUser> {
  const route = STAFF_ROUTES[key];
  const user = await requireRole(
    route.roles,
    returnTo ?? (route.kind === "page" && !key.includes("[") ? key : "/staff"),
  );
  if (await staffRouteWaitsForTwoFactor(user.id, key, getEnv().REQUIRE_STAFF_MFA)) {
    if (route.kind === "page") redirect(`${TWO_FACTOR_SETUP_PATH}?required=1`);
    throw new Unprocessable("Set up two-factor sign-in on the Security page first: the clinic requires it for staff.");
  }
  return user;
}

/**
 * Route handlers (after requireApiUser): whether this user's role may use the staff API route. With
 * REQUIRE_STAFF_MFA, a staff member without two-factor sign-in is refused (403), as on pages and actions.
 */
export async function staffApiRouteAllows(user: CurrentUser, key: StaffRouteKey): Promise<boolean> {
  if (!staffRouteAllows(key, user.role)) return false;
  if (await staffRouteWaitsForTwoFactor(user.id, key, getEnv().REQUIRE_STAFF_MFA)) {
    throw new ApiError(
      "forbidden",
      "Set up two-factor sign-in on the Security page first: the clinic requires it for staff.",
    );
  }
  return true;
}
