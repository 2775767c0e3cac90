// What GET /api/auth/session shows the browser: who is signed in, never the server-side session id
// (sid) that the guards use. Called through Auth.js with the app's configuration and a real session
// cookie. (Through @auth/core's handler: next-auth's wrapper imports "next/server" in a way Node's
// ESM loader cannot resolve outside a Next.js bundle, and adds nothing but the base path.)
import { Auth } from "@auth/core";
import { encode } from "next-auth/jwt";
import { describe, expect, it } from "vitest";
import { authConfig } from "@/lib/auth/auth-config";
import type { Env } from "@/lib/env";
import { createSessionRecord, revokeSession } from "@/lib/auth/sessions";
import { sessionClaimsFrom } from "@/lib/auth/session-token";
import { getEnv } from "@/lib/env";
import { createUser } from "../support/factories";
import { ENGINE } from "../support/db-setup";

async function sessionCookie(user: { id: string; email: string; name: string | null }, cookieName: string) {
  const sid = await createSessionRecord(user.id);
  const jwt = await encode({
    token: { sub: user.id, sid, email: user.email, name: user.name },
    secret: getEnv().AUTH_SECRET,
    salt: cookieName,
  });
  return { sid, cookie: `${cookieName}=${jwt}` };
}

function getSession(env: Env, origin: string, cookie: string): Promise<Response> {
  const request = new Request(`${origin}/api/auth/session`, { headers: { cookie } });
  return Auth(request, { ...authConfig(env), basePath: "/api/auth" });
}

describe(`GET /api/auth/session (${ENGINE})`, () => {
  it("shows the signed-in user and not the session id", async () => {
    const user = await createUser();
    const { sid, cookie } = await sessionCookie(user, "authjs.session-token");
    const response = await getSession(getEnv(), "http://localhost:3000", cookie);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      user: { id: user.id, email: user.email, name: user.name },
      expires: expect.any(String),
    });
    expect(text).not.toContain(sid);
    expect(text).not.toContain('"sid"');
  });

  it("keeps the session id readable on the server, for the guards", async () => {
    const user = await createUser();
    const { sid, cookie } = await sessionCookie(user, "authjs.session-token");
    expect(await sessionClaimsFrom(new Headers({ cookie }), getEnv())).toEqual({ userId: user.id, sid });
    expect(
      await sessionClaimsFrom(new Headers({ authorization: `Bearer ${cookie.split("=")[1]}` }), getEnv()),
    ).toBeNull();
  });

  it("reports no session, and clears the cookie, once the server-side session is revoked", async () => {
    const user = await createUser();
    const { sid, cookie } = await sessionCookie(user, "authjs.session-token");
    await revokeSession(sid);
    const response = await getSession(getEnv(), "http://localhost:3000", cookie);
    expect(await response.json()).toBeNull();
    expect(response.headers.getSetCookie()).toContainEqual(
      expect.stringMatching(/^authjs\.session-token=;.*Max-Age=0/i),
    );
  });

  it("renews the cookie as Secure, under a __Secure- name, when APP_URL is https, even over plain http", async () => {
    const user = await createUser();
    const { cookie } = await sessionCookie(user, "__Secure-authjs.session-token");
    // A proxy that ends TLS forwards plain http: the request URL must not decide.
    const env = { ...getEnv(), APP_URL: "https://clinic.example" };
    const response = await getSession(env, "http://10.0.0.5:3000", cookie);
    expect((await response.json()) as unknown).toMatchObject({ user: { id: user.id } });
    const cookies = response.headers.getSetCookie();
    const renewed = cookies.find((line) => line.startsWith("__Secure-authjs.session-token="));
    expect(renewed).toMatch(/; Secure/i);
    expect(renewed).toMatch(/; HttpOnly/i);
    expect(cookies.every((line) => /; Secure/i.test(line))).toBe(true);
  });
});
