// REQUIRE_STAFF_MFA=true: until a staff member has turned on two-factor sign-in, only the routes
// marked beforeTwoFactor in STAFF_ROUTES (the Security page and its actions) are open to them.
import { prisma } from "@/lib/db";
import { STAFF_ROUTES, type StaffRoute, type StaffRouteKey } from "./staff-routes";

export const TWO_FACTOR_SETUP_PATH = "/staff/security";

export async function staffRouteWaitsForTwoFactor(
  userId: string,
  key: StaffRouteKey,
  requireStaffMfa: boolean,
): Promise<boolean> {
  const route: StaffRoute = STAFF_ROUTES[key];
  if (!requireStaffMfa || route.beforeTwoFactor) return false;
  const user = await prisma.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true } });
  return !user?.totpEnabledAt;
}
