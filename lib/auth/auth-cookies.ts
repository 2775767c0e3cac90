// The auth cookies' names and attributes. They are Secure whenever the site's public URL (APP_URL)
// is https, decided from configuration, never from request headers: behind a proxy that ends TLS
// the app itself sees plain http. Secure cookies also take the __Secure-/__Host- name prefixes,
// which browsers refuse to accept over http or from a sibling subdomain.
import { KNOWN_DEVICE_MAX_AGE_SECONDS } from "./known-device";

export interface CookieSetting {
  name: string;
  options: { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean; maxAge?: number };
}

export interface AuthCookieSettings {
  secure: boolean;
  sessionToken: CookieSetting;
  knownDevice: CookieSetting;
}

export function authCookieSettings(appUrl: string): AuthCookieSettings {
  const secure = new URL(appUrl).protocol === "https:";
  const options = { httpOnly: true, sameSite: "lax", path: "/", secure } as const;
  return {
    secure,
    // Auth.js's own default name for this setting, given explicitly so the guards read the same one.
    sessionToken: { name: `${secure ? "__Secure-" : ""}authjs.session-token`, options },
    knownDevice: {
      name: `${secure ? "__Host-" : ""}clinic.known-device`,
      options: { ...options, maxAge: KNOWN_DEVICE_MAX_AGE_SECONDS },
    },
  };
}

/** One cookie's value from a Cookie request header. */
export function readCookie(cookieHeader: string | null, name: string): string | undefined {
  for (const pair of (cookieHeader ?? "").split(";")) {
    const separator = pair.indexOf("=");
    if (separator === -1 || pair.slice(0, separator).trim() !== name) continue;
    const value = pair.slice(separator + 1).trim();
    try {
      return decodeURIComponent(value);
    } catch {
      return undefined;
    }
  }
  return undefined;
}
