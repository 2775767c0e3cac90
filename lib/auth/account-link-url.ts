// The absolute address of a single-use account link, built from APP_URL (never from the request's
// Host header, which a client chooses).
import { getEnv } from "@/lib/env";

export const ACCOUNT_LINK_PATHS = {
  PASSWORD_RESET: "/reset-password",
  EMAIL_VERIFICATION: "/verify-email",
  EMAIL_CHANGE: "/confirm-email",
} as const;

export function accountLinkUrl(kind: keyof typeof ACCOUNT_LINK_PATHS, token: string): string {
  return new URL(`${ACCOUNT_LINK_PATHS[kind]}/${encodeURIComponent(token)}`, getEnv().APP_URL).toString();
}
