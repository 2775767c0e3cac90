// Ends the server-side session of the request's session cookie. Called before Auth.js clears the
// cookie, by every way of signing out; it throws when the session could not be ended, so nobody is
// told they signed out while a copy of their cookie would still work.
import "server-only";
import { getEnv } from "@/lib/env";
import { clientIpFrom } from "./client-ip";
import { sessionClaimsFrom } from "./session-token";
import { endSession } from "./sessions";

export async function endCurrentSession(requestHeaders: Headers): Promise<void> {
  const env = getEnv();
  const claims = await sessionClaimsFrom(requestHeaders, env);
  if (claims) await endSession(claims.sid, clientIpFrom(requestHeaders, env.TRUST_PROXY_HOPS));
}
