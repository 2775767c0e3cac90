// Every staff page, Server Action and API route, with who may use it: the one list the guards read
// (requireStaffRoute) and the role × route matrix tests are generated from. A staff page or action
// with no entry here fails tests/unit/staff-routes.test.ts.
import type { Role } from "@/lib/generated/prisma/enums";

export type StaffRouteKind = "page" | "action" | "api";

export interface StaffRoute {
  kind: StaffRouteKind;
  roles: readonly Role[];
  /** What a therapist sees of it, when not everything. */
  scope?: string;
  /** Open before two-factor enrolment when REQUIRE_STAFF_MFA=true (the enrolment page and its actions). */
  beforeTwoFactor?: true;
}

const STAFF = ["THERAPIST", "ADMIN"] as const satisfies readonly Role[];
const ADMIN = ["ADMIN"] as const satisfies readonly Role[];

export const STAFF_ROUTES = {
  "/staff": { kind: "page", roles: STAFF, scope: "a therapist sees their own day" },
  "/staff/week": { kind: "page", roles: STAFF, scope: "a therapist sees their own week" },
  "/staff/appointments/[id]": { kind: "page", roles: STAFF, scope: "a therapist opens only their own appointments" },
  "/staff/clients": { kind: "page", roles: STAFF, scope: "a therapist finds only clients they have seen or will see" },
  "/staff/clients/[id]": {
    kind: "page",
    roles: STAFF,
    scope: "a therapist opens only clients they have seen or will see",
  },
  "/staff/book": { kind: "page", roles: STAFF, scope: "a therapist books only into their own schedule" },
  "/staff/reports": { kind: "page", roles: ADMIN },
  "/staff/team": { kind: "page", roles: ADMIN },
  "/staff/emails": { kind: "page", roles: ADMIN },
  "/staff/services": { kind: "page", roles: ADMIN },
  "/staff/services/new": { kind: "page", roles: ADMIN },
  "/staff/services/[id]": { kind: "page", roles: ADMIN },
  "/staff/hours": { kind: "page", roles: STAFF, scope: "a therapist sees their own week, read only" },
  "/staff/hours/[id]": { kind: "page", roles: STAFF, scope: "a therapist opens only their own week, read only" },
  "action:saveServiceAction": { kind: "action", roles: ADMIN },
  "action:retireServiceAction": { kind: "action", roles: ADMIN },
  "action:restoreServiceAction": { kind: "action", roles: ADMIN },
  "action:replaceWorkingHoursAction": { kind: "action", roles: ADMIN },
  "action:addTimeOffAction": { kind: "action", roles: ADMIN },
  "action:removeTimeOffAction": { kind: "action", roles: ADMIN },
  "/staff/security": {
    kind: "page",
    roles: STAFF,
    scope: "each person's own two-factor sign-in",
    beforeTwoFactor: true,
  },
  "action:checkInAction": { kind: "action", roles: STAFF, scope: "own appointments" },
  "action:recordDeskPaymentAction": { kind: "action", roles: STAFF, scope: "own appointments" },
  "action:createPhoneClientAction": { kind: "action", roles: STAFF },
  "action:bookForClientAction": { kind: "action", roles: STAFF, scope: "own schedule" },
  "action:completeVisitAction": { kind: "action", roles: STAFF, scope: "own appointments" },
  "action:markNoShowAction": { kind: "action", roles: STAFF, scope: "own appointments" },
  "action:cancelAppointmentAction": { kind: "action", roles: STAFF, scope: "own appointments" },
  "action:rescheduleAppointmentAction": { kind: "action", roles: STAFF, scope: "own appointments" },
  "action:saveTreatmentNoteAction": { kind: "action", roles: STAFF, scope: "own appointments" },
  "action:recordClearanceAction": { kind: "action", roles: STAFF, scope: "clients they have seen or will see" },
  "action:revokeClearanceAction": { kind: "action", roles: STAFF, scope: "clients they have seen or will see" },
  "action:recordDeskConsentAction": { kind: "action", roles: STAFF, scope: "clients they have seen or will see" },
  "action:withdrawConsentAction": { kind: "action", roles: STAFF, scope: "clients they have seen or will see" },
  "action:inviteTherapistAction": { kind: "action", roles: ADMIN },
  "action:retryEmailAction": { kind: "action", roles: ADMIN },
  "action:resendStaffInviteAction": { kind: "action", roles: ADMIN },
  "action:changeStaffRoleAction": { kind: "action", roles: ADMIN },
  "action:disableStaffAccountAction": { kind: "action", roles: ADMIN },
  "action:enableStaffAccountAction": { kind: "action", roles: ADMIN },
  "action:resetStaffTwoFactorAction": { kind: "action", roles: ADMIN },
  "action:beginTotpEnrolmentAction": { kind: "action", roles: STAFF, scope: "own account", beforeTwoFactor: true },
  "action:confirmTotpEnrolmentAction": { kind: "action", roles: STAFF, scope: "own account", beforeTwoFactor: true },
  "action:disableTotpAction": { kind: "action", roles: STAFF, scope: "own account", beforeTwoFactor: true },
  "action:generateRecoveryCodesAction": { kind: "action", roles: STAFF, scope: "own account", beforeTwoFactor: true },
  "GET /api/staff/reports/csv": { kind: "api", roles: ADMIN },
  "GET /api/bookings?day": { kind: "api", roles: STAFF, scope: "a therapist gets only their own bookings" },
} as const satisfies Record<string, StaffRoute>;

export type StaffRouteKey = keyof typeof STAFF_ROUTES;

export function staffRouteAllows(key: StaffRouteKey, role: Role): boolean {
  return (STAFF_ROUTES[key].roles as readonly Role[]).includes(role);
}

/** The staff navigation: the pages without parameters that a role may open. */
export function staffPagesFor(role: Role): StaffRouteKey[] {
  return (Object.keys(STAFF_ROUTES) as StaffRouteKey[]).filter(
    (key) => STAFF_ROUTES[key].kind === "page" && !key.includes("[") && staffRouteAllows(key, role),
  );
}
