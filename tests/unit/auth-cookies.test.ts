// Auth cookies are Secure whenever APP_URL is https, whatever the request itself looks like (behind
// a proxy that ends TLS, the app sees plain http).
import { Auth } from "@auth/core";
import { describe, expect, it } from "vitest";
import { authCookieSettings, readCookie } from "@/lib/auth/auth-cookies";
import { authConfig } from "@/lib/auth/auth-config";
import { KNOWN_DEVICE_MAX_AGE_SECONDS } from "@/lib/auth/known-device";
import { parseEnv } from "@/lib/env";

describe("auth cookie settings", () => {
  it.each([
    ["https://clinic.example", true, "__Secure-authjs.session-token", "__Host-clinic.known-device"],
    ["https://clinic.example:8443/base", true, "__Secure-authjs.session-token", "__Host-clinic.known-device"],
    ["http://localhost:3000", false, "authjs.session-token", "clinic.known-device"],
    ["http://127.0.0.1:3210", false, "authjs.session-token", "clinic.known-device"],
  ])("%s → Secure %s", (appUrl, secure, sessionName, deviceName) => {
    const settings = authCookieSettings(appUrl);
    expect(settings.secure).toBe(secure);
    expect(settings.sessionToken).toEqual({
      name: sessionName,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure },
    });
    expect(settings.knownDevice).toEqual({
      name: deviceName,
      options: { httpOnly: true, sameSite: "lax", path: "/", secure, maxAge: KNOWN_DEVICE_MAX_AGE_SECONDS },
    });
  });

  it("reads one cookie from a Cookie header", () => {
    const header = "a=1; clinic.known-device=v1.abc.123.sig; __Host-clinic.known-device=other";
    expect(readCookie(header, "clinic.known-device")).toBe("v1.abc.123.sig");
    expect(readCookie(header, "__Host-clinic.known-device")).toBe("other");
    expect(readCookie(header, "missing")).toBeUndefined();
    expect(readCookie(null, "a")).toBeUndefined();
    expect(readCookie("a=%E0%A4%A", "a")).toBeUndefined();
  });
});

describe("Auth.js with the app's configuration", () => {
  const csrfCookies = async (appUrl: string, requestUrl: string) => {
    const env = parseEnv({ PGLITE_DATA_DIR: "memory://", AUTH_SECRET: "a".repeat(40), APP_URL: appUrl });
    const response = await Auth(new Request(`${requestUrl}/api/auth/csrf`), {
      ...authConfig(env),
      basePath: "/api/auth",
    });
    expect(response.status).toBe(200);
    return response.headers.getSetCookie();
  };

  it("sets Secure, prefixed cookies when APP_URL is https, even for a request that arrived over http", async () => {
    const cookies = await csrfCookies("https://clinic.example", "http://10.0.0.5:3000");
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^__(Host|Secure)-authjs\./);
      expect(cookie).toMatch(/; Secure/i);
      expect(cookie).toMatch(/; HttpOnly/i);
    }
  });

  it("sets plain cookies when APP_URL is http, even for a request that claims https", async () => {
    const cookies = await csrfCookies("http://localhost:3000", "https://localhost:3000");
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^authjs\./);
      expect(cookie).not.toMatch(/; Secure/i);
    }
  });
});
