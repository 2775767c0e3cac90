import { PHASE_PRODUCTION_BUILD } from "next/constants.js";
import { buildContentSecurityPolicy } from "./lib/http/content-security-policy.mjs";

// Security headers for every response. The script policy of a page is set per page, not here
// (lib/http/content-security-policy.mjs): proxy.ts gives each page navigation a nonce policy, and
// server.mjs gives a page served from the prerender cache a policy naming its inline scripts' hashes.
// Both replace the policy below, which is what everything else gets (API answers, files, anything a
// page matcher misses): scripts from 'self' only, no inline script at all.
const isDevelopment = process.env.NODE_ENV === "development";
const contentSecurityPolicy = buildContentSecurityPolicy({ scriptSources: [], development: isDevelopment });

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  // A window this site opens, or that opens it, gets no handle on the other across origins.
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(self)" },
];

// Articles merged into another (content/articles): tests/unit/content.test.ts checks that each
// retired slug has no article and no links left, and that its replacement exists.
export const RETIRED_ARTICLES = [
  { slug: "walking-breaks-five-minutes-an-hour", replacedBy: "travel-and-desk-tips-for-your-legs" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  typedRoutes: false,
  // Native and WASM modules load from node_modules at run time instead of being bundled.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@node-rs/argon2",
    "fxa-common-password-list",
  ],
  experimental: {
    // Kept on purpose, so `next dev`/`next start` list it under "Experiments". Next 16 still has no
    // stable equivalent: with its default (true) the server's file-system cache writes every page it
    // renders on demand (.next/server/app/…) and the catalogue's unstable_cache data
    // (.next/cache/fetch-cache) to disk, and reads them back after a restart. With false they stay
    // in memory only (an LRU bounded by cacheMaxMemorySize): a stream of made-up /services/<slug>
    // addresses cannot fill the disk with cached 404s, and a restarted server never serves data
    // cached from a database it no longer uses. (It also turns off next/image's disk cache; the
    // site uses no next/image.) The alternative, a memory-only custom cacheHandler, is more code to
    // own for the same effect.
    isrFlushToDisk: false,
  },
  async headers() {
    // Pages whose address carries a single-use token (password reset, email links, staff invite)
    // send no Referer at all, so the token never leaves in a request to anywhere else.
    const tokenPages = [
      "/reset-password/:token",
      "/verify-email/:token",
      "/confirm-email/:token",
      "/accept-invite/:token",
    ];
    return [
      { source: "/:path*", headers: securityHeaders },
      ...tokenPages.map((source) => ({ source, headers: [{ key: "Referrer-Policy", value: "no-referrer" }] })),
    ];
  },
  // Browsers ask for /favicon.ico on their own even when the page names app/icon.svg. A retired
  // article's address moves, permanently, to the article that took over its content.
  async redirects() {
    return [
      { source: "/favicon.ico", destination: "/icon.svg", permanent: true },
      ...RETIRED_ARTICLES.map(({ slug, replacedBy }) => ({
        source: `/learn/${slug}`,
        destination: `/learn/${replacedBy}`,
        permanent: true,
      })),
    ];
  },
};

export default function config(phase) {
  if (phase !== PHASE_PRODUCTION_BUILD) return nextConfig;
  // The build does not read the database (lib/catalog/cache.ts), so its copies of the catalogue
  // pages (/, /services, articles) show no services. Expiring them after a second means they are
  // never served: the first request after start waits for a render from the database. Pages the
  // server renders later keep the default: stale-while-revalidate after `revalidate` seconds.
  return { ...nextConfig, expireTime: 1 };
}
