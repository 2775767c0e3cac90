// The absolute address of a single-use account link, built from APP_URL (never from the request's
// Host header, which a client chooses).
import { getEnv } from "@/lib/env";

export const ACCOUNT_LINK_PATHS = {
  PASSWORD_RESET: "/reset-password",
  EMAIL_VERIFICATION: "/verify-email",
  EMAIL_CHANGE: "/confirm-email",
} as const;

/** `returnTo`, a same-site path, is where the page sends the person on once the link has done its work. */
export function accountLinkUrl(kind: keyof typeof ACCOUNT_LINK_PATHS, token: string, returnTo?: string): string {
  const url = new URL(`${ACCOUNT_LINK_PATHS[kind]}/${encodeURIComponent(token)}`, getEnv().APP_URL);
  if (returnTo) url.searchParams.set("callbackUrl", returnTo);
  return url.toString();
}
