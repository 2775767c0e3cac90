// Every page navigation gets a fresh script nonce (lib/http/content-security-policy.mjs). Next.js reads
// the nonce from the policy on the request and writes it on each of its scripts when it renders the
// page for this request; the browser gets the same policy on the response. A page served from the
// prerender cache has no nonces in it: server.mjs swaps this policy for one naming its scripts' hashes.
import { NextResponse, type NextRequest } from "next/server";
import { buildNoncePolicy, createNonce } from "@/lib/http/content-security-policy.mjs";

export function proxy(request: NextRequest) {
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
  ],
};
