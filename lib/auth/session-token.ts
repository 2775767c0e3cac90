// Reads the session cookie on the server. The cookie is an encrypted Auth.js JWT holding the user
// id and the server-side session id (sid). The sid stays on the server: it is never copied into the
// session object Auth.js serves at /api/auth/session, so the guards decrypt the cookie themselves.
import { getToken } from "next-auth/jwt";
import type { Env } from "@/lib/env";
import { authCookieSettings } from "./auth-cookies";

export interface SessionClaims {
  userId: string;
  sid: string;
}

export async function sessionClaimsFrom(
  requestHeaders: Headers,
  env: Pick<Env, "APP_URL" | "AUTH_SECRET">,
): Promise<SessionClaims | null> {
  const cookie = requestHeaders.get("cookie");
  if (!cookie) return null;
  const { sessionToken } = authCookieSettings(env.APP_URL);
  // Only the cookie is passed on: getToken would also take an Authorization: Bearer token.
  const token = await getToken({
    req: { headers: { cookie } },
    secret: env.AUTH_SECRET,
    secureCookie: sessionToken.options.secure,
    cookieName: sessionToken.name,
    salt: sessionToken.name,
  });
  if (typeof token?.sub !== "string" || typeof token.sid !== "string") return null;
  return { userId: token.sub, sid: token.sid };
}
