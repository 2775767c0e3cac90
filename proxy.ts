// Runs before a page is rendered: refuses Server Actions from other sites with a plain 403, and
// gives every page navigation a fresh script nonce for its Content-Security-Policy.
import { NextResponse, type NextRequest } from "next/server";
import { buildNoncePolicy, createNonce } from "@/lib/http/content-security-policy.mjs";
import {
  refusesServerAction,
  SERVER_ACTION_REFUSAL_HEADERS,
  SERVER_ACTION_REFUSAL_MESSAGE,
} from "@/lib/http/server-action-origin.mjs";

/**
 * Two things happen here before a page is rendered:
 *  - a Server Action from another site, or with no Origin, is refused with a plain 403
 *    (lib/http/server-action-origin.mjs; server.mjs applies the same check before Next.js sees the
 *    request, and `next dev` or `next start` get it here), not Next.js's own 500;
 *  - every page navigation gets a fresh script nonce (lib/http/content-security-policy.mjs).
 *    Next.js reads the nonce from the policy on the request and writes it on each of its scripts
 *    when it renders the page for this request; the browser gets the same policy on the response.
 *    A page served from the prerender cache has no nonces in it: server.mjs swaps this policy for
 *    one naming its scripts' hashes.
 */
export function proxy(request: NextRequest) {
  const foreignAction = refusesServerAction({
    method: request.method,
    path: request.nextUrl.pathname,
    header: (name) => request.headers.get(name) ?? undefined,
    appUrl: process.env.APP_URL,
  });
  if (foreignAction) {
    return new NextResponse(SERVER_ACTION_REFUSAL_MESSAGE, { status: 403, headers: SERVER_ACTION_REFUSAL_HEADERS });
  }
  const policy = buildNoncePolicy(createNonce(), { development: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: [
    {
      // Pages only: not API routes, build assets, the icon, robots.txt or the sitemap. The router's
      // own prefetches fetch page data, never a document. (A browser's prefetch, `Purpose: prefetch`,
      // is a document the visitor may open, so it keeps its nonce.)
      source: "/((?!api/|_next/static|_next/image|icon.svg|robots.txt|sitemap.xml).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
    // A possible Server Action wherever the entry above lets a request pass (a forged prefetch
    // header, a metadata route), so the origin check sees every one: a Next-Action header, or a form
    // body (Next.js's own test, server-action-request-meta.js, which reads these lower case).
    // API routes guard their own origin (lib/http/api-error.ts).
    { source: "/((?!api/|_next/static|_next/image).*)", has: [{ type: "header", key: "next-action" }] },
    {
      source: "/((?!api/|_next/static|_next/image).*)",
      has: [
        { type: "header", key: "content-type", value: "(?:multipart/form-data|application/x-www-form-urlencoded).*" },
      ],
    },
  ],
};
