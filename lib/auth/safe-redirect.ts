// Only same-site paths may be used as a post-sign-in destination. The value is resolved against a
// placeholder origin: anything that lands on another origin ("//evil.test", "/\t/evil.test",
// "https://evil.test") or carries control characters falls back to the default.
const PLACEHOLDER_ORIGIN = "https://clinic.invalid";

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
  return `${url.pathname}${url.search}${url.hash}`;
}
