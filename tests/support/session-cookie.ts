// A signed-in browser's session cookie, made as Auth.js makes it (a server-side session record and
// the JWT that names it), for tests that call route handlers and actions with a request's cookies.
import { encode } from "next-auth/jwt";
import { authCookieSettings } from "@/lib/auth/auth-cookies";
import { createSessionRecord } from "@/lib/auth/sessions";
import { getEnv } from "@/lib/env";

export async function sessionCookieFor(user: { id: string; email: string }): Promise<string> {
  const { sessionToken } = authCookieSettings(getEnv().APP_URL);
  const sid = await createSessionRecord(user.id);
  const jwt = await encode({
    token: { sub: user.id, sid, email: user.email },
    secret: getEnv().AUTH_SECRET,
    salt: sessionToken.name,
  });
  return `${sessionToken.name}=${jwt}`;
}
