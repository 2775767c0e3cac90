// Only same-site paths may be used as a post-sign-in destination: anything else falls back to
// the default, so a sign-in link can never send someone to another site.
const PLACEHOLDER_ORIGIN = "https://clinic.invalid";

// The value is resolved against a placeholder origin: anything that lands on another origin
// ("//evil.test", "/\t/evil.test", "https://evil.test") or carries control characters falls back to
// the default. Resolving removes dot segments, so "/.//evil.test" or "/a/..//evil.test" come out as
// "//evil.test": a browser reads that as another host, so the resolved path is checked again before
// it is returned.
export function safeRedirectPath(value: unknown, fallback = "/account"): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.length > 2000) return fallback;
  if (/[\u0000-\u001F\u007F\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  return isSameOriginPath(path) ? path : fallback;
}

function isSameOriginPath(path: string): boolean {
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return false;
  try {
    return new URL(path, PLACEHOLDER_ORIGIN).origin === PLACEHOLDER_ORIGIN;
  } catch {
    return false;
  }
}
