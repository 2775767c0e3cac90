// The site's Content-Security-Policy, built in one place for both ways a page leaves the server
// (buildNoncePolicy, buildStaticPagePolicy); neither allows inline scripts by 'unsafe-inline'.
// Plain JavaScript (typed in the .d.mts beside it) because server.mjs runs without a build step.
import { createHash, randomBytes } from "node:crypto";

/** The one inline script the app writes itself (app/layout.tsx): allowed by its hash on every page. */
export const SCRIPTS_RUN_MARKER = "document.documentElement.classList.add('js')";

/** 128 random bits, base64: unguessable, and in the form Next.js looks for ('nonce-…'). */
export function createNonce() {
  return randomBytes(16).toString("base64");
}

/** The CSP source that allows an inline script with exactly this text. */
export function hashSource(scriptText) {
  // Browsers hash the script as parsed, and HTML parsing turns CR LF and lone CR into LF.
  const text = scriptText.replace(/\r\n?/g, "\n");
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

const SCRIPT_ELEMENT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const SRC_ATTRIBUTE = /(?:^|\s)src\s*=/i;
const TYPE_ATTRIBUTE = /(?:^|\s)type\s*=\s*["']?([^"'\s>]+)/i;
// A script element of another type (JSON-LD, import maps aside) holds data the browser never runs.
const SCRIPT_TYPES = new Set(["", "text/javascript", "application/javascript", "module"]);

/** The hash sources of every inline script the browser would run in this HTML, each once, in order. */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, attributes = "", body = ""] of html.matchAll(SCRIPT_ELEMENT)) {
    if (SRC_ATTRIBUTE.test(attributes)) continue;
    const type = TYPE_ATTRIBUTE.exec(attributes)?.[1]?.toLowerCase() ?? "";
    if (!SCRIPT_TYPES.has(type)) continue;
    hashes.add(hashSource(body));
  }
  return [...hashes];
}

/** The whole policy, given what script-src allows beyond 'self'. */
export function buildContentSecurityPolicy({ scriptSources, development = false }) {
  // React rebuilds server error stacks with eval, and the dev server's hot reload uses a websocket:
  // both only under `next dev`.
  const scriptSrc = ["'self'", ...scriptSources, ...(development ? ["'unsafe-eval'"] : [])];
  return [
    "default-src 'self'",
    `script-src ${scriptSrc.join(" ")}`,
    // Inline styles stay allowed: React writes style attributes (app/global-error.tsx, server.mjs's
    // fallback page), which a nonce cannot cover. Styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${development ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

// A page rendered for its request gets a fresh nonce from proxy.ts; Next.js reads it from the
// request's policy and puts it on every script it writes, and 'strict-dynamic' lets those scripts
// load the chunks they import.
/** The policy of a page rendered for one request, whose scripts carry this nonce. */
export function buildNoncePolicy(nonce, { development = false } = {}) {
  return buildContentSecurityPolicy({
    scriptSources: [`'nonce-${nonce}'`, hashSource(SCRIPTS_RUN_MARKER), "'strict-dynamic'"],
    development,
  });
}

// A page served whole from Next.js's prerender cache (/, /services, articles…) was written before
// any request, so it carries no nonce: server.mjs lists the sha256 of each of its inline scripts
// instead, beside 'self' for its script files under /_next/static.
/**
 * The policy of a prerendered page: its own inline scripts by hash, script files from 'self'. No
 * 'strict-dynamic', which would make browsers ignore 'self' and block the page's script files.
 */
export function buildStaticPagePolicy(html) {
  return buildContentSecurityPolicy({ scriptSources: inlineScriptHashes(html) });
}
