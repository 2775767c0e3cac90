// Server Actions only from the site's own pages (issue #16), decided in one place for proxy.ts and
// server.mjs: anything else gets a plain 403, not Next.js's 500. Plain JavaScript (typed in the
// .d.mts beside it) because server.mjs runs without a build step.

export const SERVER_ACTION_REFUSAL_MESSAGE = "This form can only be sent from the clinic's own pages.";

export const SERVER_ACTION_REFUSAL_HEADERS = Object.freeze({
  "Content-Type": "text/plain; charset=utf-8",
  "Cache-Control": "no-store",
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
});

// A POST to a page that Next.js may run as a Server Action (its own test, in
// next/dist/server/lib/server-action-request-meta.js: a Next-Action header, or a form body).
const FORM_BODY = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;

function originOf(url) {
  try {
    return new URL(url ?? "").origin;
  } catch {
    return undefined;
  }
}

// Next.js's own check answers 500 to another site's Origin, throws on an empty one (`new URL("")`,
// also a 500), and lets a request with no Origin through with a warning. Browsers send Origin with
// every POST, so one without it, or with "null" (a sandboxed frame, a redirect across sites), is not
// one of our forms: all of these get a plain 403. This runs in proxy.ts (next dev, next start, npm
// start) and in server.mjs (npm start, before Next.js parses anything).
/**
 * True for a Server Action request that does not come from the site's own pages. The Origin must be
 * APP_URL's, or name the host the request was sent to (what Next.js itself accepts; a browser cannot
 * forge Host). Route handlers under /api/ are not Server Actions: lib/http/api-error.ts guards them.
 *
 * @param {{ method: string | undefined; path: string | undefined; header: (name: string) => string | undefined; appUrl: string | undefined }} request
 * @returns {boolean}
 */
export function refusesServerAction({ method, path, header, appUrl }) {
  if (method !== "POST" || path?.startsWith("/api/")) return false;
  const isAction = header("next-action") !== undefined || FORM_BODY.test(header("content-type") ?? "");
  if (!isAction) return false;
  const origin = header("origin");
  if (origin === undefined || origin === "" || origin === "null") return true;
  let parsed;
  try {
    parsed = new URL(origin);
  } catch {
    return true;
  }
  if (parsed.origin === originOf(appUrl)) return false;
  const forwardedHost = (header("x-forwarded-host") ?? "").split(",")[0]?.trim();
  return parsed.host !== (forwardedHost || header("host"));
}
