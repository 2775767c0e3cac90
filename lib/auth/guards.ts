// The checks every protected page, layout, Server Action and route handler calls. proxy.ts may
// redirect early for convenience, but these are the authority.
import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import type { Role } from "@/lib/generated/prisma/enums";
import { ApiError } from "@/lib/http/api-error";
import { getEnv } from "@/lib/env";
import { sessionClaimsFrom } from "./session-token";
import { findSessionUser } from "./sessions";

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  /** Two-factor sign-in is on. */
  twoFactorEnabled: boolean;
}

export const STAFF_ROLES: readonly Role[] = ["THERAPIST", "ADMIN"];

// One cookie check and one session lookup per request, however many components ask. A cookie
// whose server-side session was revoked, has gone idle or has expired counts as signed out. The
// cookie is read directly (not through auth()), because the session id in it stays server-side.
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await sessionClaimsFrom(await headers(), getEnv());
  if (!claims) return null;
  const user = await findSessionUser(claims.sid);
  return user && user.id === claims.userId ? user : null;
});

/** Pages and actions: the signed-in user, or a redirect to sign in and back. */
export async function requireUser(returnTo?: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(returnTo ? `/sign-in?callbackUrl=${encodeURIComponent(returnTo)}` : "/sign-in");
  return user;
}

/** Pages and actions: a user with one of the roles. Anyone else sees a 404, never the page. */
export async function requireRole(roles: readonly Role[], returnTo?: string): Promise<CurrentUser> {
  const user = await requireUser(returnTo);
  if (!roles.includes(user.role)) notFound();
  return user;
}

/**
 * Whether a user may act with staff rights now: with REQUIRE_STAFF_MFA=true, not before they have
 * turned two-factor sign-in on. Pages and actions ask it through requireStaffRoute (which sends
 * them to the Security page); every route handler through requireApiUser.
 */
export function waitsForTwoFactor(user: Pick<CurrentUser, "role" | "twoFactorEnabled">): boolean {
  return STAFF_ROLES.includes(user.role) && getEnv().REQUIRE_STAFF_MFA && !user.twoFactorEnabled;
}

/**
 * Route handlers: the same checks, answered as JSON errors instead of redirects. A staff member
 * who must set up two-factor sign-in first is refused (403) on every route that needs a signed-in
 * user, whatever the route would let them do: one gate, so no route can forget it (the cancel and
 * reschedule routes did, and an admin without two-factor cancelled and refunded a client's visit).
 */
export async function requireApiUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new ApiError("unauthenticated", "Sign in to continue.");
  if (waitsForTwoFactor(user)) {
    throw new ApiError(
      "forbidden",
      "Set up two-factor sign-in on the Security page first: the clinic requires it for staff.",
    );
  }
  return user;
}
