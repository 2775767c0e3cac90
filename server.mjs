// The production server (`npm start`): Next.js's request handler inside a plain Node HTTP server,
// for five things `next start` cannot do (issues #15, #16; listed where the server is created).
// Usage as `next start`: npm start [-- -p PORT] [-H HOSTNAME]; PORT is read too.
import { AsyncLocalStorage } from "node:async_hooks";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  brotliCompressSync,
  brotliDecompressSync,
  constants as zlibConstants,
  deflateSync,
  gunzipSync,
  gzipSync,
  inflateSync,
} from "node:zlib";
import { buildStaticPagePolicy } from "./lib/http/content-security-policy.mjs";
import { isStaticContentPath, toStaticContentPage } from "./lib/http/static-content-page.mjs";
import {
  refusesServerAction,
  SERVER_ACTION_REFUSAL_HEADERS,
  SERVER_ACTION_REFUSAL_MESSAGE,
} from "./lib/http/server-action-origin.mjs";

process.env.NODE_ENV ??= "production";

const { values: args } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  allowPositionals: true,
});
const port = Number(args.port ?? process.env.PORT ?? 3000);
const hostname = args.hostname;
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`Invalid port: ${args.port ?? process.env.PORT}`);
  process.exit(1);
}

// On SIGTERM the server keeps accepting connections until requests stop for QUIET_MS (at most
// LISTEN_GRACE_MS), then lets the requests under way finish; whatever still runs when the bound is
// reached is cut off, so a rolling restart always ends.
const QUIET_MS = 500;
const LISTEN_GRACE_MS = 5_000;
const SHUTDOWN_BOUND_MS = 25_000;
const RETRY_AFTER_SECONDS = "5";

const requestStore = new AsyncLocalStorage();
globalThis[Symbol.for("second-heart.request-store")] = requestStore;
// Code in any bundle registers what must stop cleanly (lib/http/shutdown-hooks.ts: the job runner,
// then the database), run in their order once the last request is done.
const shutdownHooks = [];
globalThis[Symbol.for("second-heart.shutdown-hooks")] = shutdownHooks;
// Next.js must not end the process on SIGTERM itself: this server drains first.
process.env.NEXT_MANUAL_SIG_HANDLE = "true";

// A request whose database failed was logged once (folded) where the failure was found; the stack
// traces Next.js would print for it, one per request, are left out. Other errors log as before.
const consoleError = console.error.bind(console);
console.error = (...values) => {
  if (requestStore.getStore()?.unavailable && values.some((value) => value instanceof Error)) return;
  consoleError(...values);
};

const fallbackPage = `<!doctype html><html lang="en-US"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Please try again in a minute</title></head><body style="font-family:system-ui,sans-serif;padding:4rem 1rem;text-align:center;color:#1c2b2d"><h1 style="color:#115e59">We're having trouble right now</h1><p>Please try again in a minute. If it keeps happening, call the clinic.</p></body></html>`;

function readUnavailablePage(dir) {
  try {
    return readFileSync(path.join(dir, ".next", "server", "app", "unavailable.html"), "utf8");
  } catch {
    return fallbackPage;
  }
}

const { default: next } = await import("next");
const dir = process.cwd();
const app = next({ dev: false, dir, hostname: hostname ?? "localhost", port });
const handle = app.getRequestHandler();
await app.prepare();
const unavailablePage = readUnavailablePage(dir);
const unavailablePagePolicy = buildStaticPagePolicy(unavailablePage);

/** A Server Action from another site, or with no Origin: refused before Next.js sees it (proxy.ts does the same). */
function refusesForeignServerAction(req) {
  return refusesServerAction({
    method: req.method,
    path: req.url,
    header: (name) => {
      const value = req.headers[name];
      return Array.isArray(value) ? value.join(", ") : value;
    },
    appUrl: process.env.APP_URL,
  });
}

function refuseServerAction(res) {
  res.writeHead(403, SERVER_ACTION_REFUSAL_HEADERS);
  res.end(SERVER_ACTION_REFUSAL_MESSAGE);
}

let draining = false;
let inFlight = 0;
let lastRequestEndedAt = Date.now();

/** Rewrites a failed response of a request marked unavailable, and adds Connection: close while draining. */
function guardResponse(req, res, store) {
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  let replaced = false;
  res.writeHead = function (statusCode, ...rest) {
    if (draining && !res.headersSent) res.setHeader("Connection", "close");
    if (store.unavailable && statusCode >= 500 && !replaced) {
      res.setHeader("Retry-After", RETRY_AFTER_SECONDS);
      res.setHeader("Cache-Control", "no-store");
      const isPage = !req.url?.startsWith("/api/") && req.method === "GET" && !req.headers["rsc"];
      if (isPage) {
        // Next.js's error page for this request is dropped for the calm one, whole.
        replaced = true;
        const given = rest.find((value) => value && typeof value === "object" && !Array.isArray(value));
        for (const [name, value] of Object.entries(given ?? {})) res.setHeader(name, value);
        for (const name of ["content-length", "content-encoding", "etag", "x-nextjs-cache"]) res.removeHeader(name);
        res.setHeader("Content-Type", "text/html; charset=utf-8");
        res.setHeader("Content-Length", Buffer.byteLength(unavailablePage));
        res.setHeader("Content-Security-Policy", unavailablePagePolicy);
        writeHead.call(res, 503);
        write.call(res, unavailablePage);
        res.write = (_chunk, encoding, callback) => {
          const done = typeof encoding === "function" ? encoding : callback;
          if (typeof done === "function") process.nextTick(done);
          return true;
        };
        res.end = (...values) => {
          const done = values.find((value) => typeof value === "function");
          return end.call(res, done);
        };
        return res;
      }
      return writeHead.call(res, 503, ...rest);
    }
    return writeHead.call(res, statusCode, ...rest);
  };
}

const decoders = { gzip: gunzipSync, deflate: inflateSync, br: brotliDecompressSync };
// For a page changed on its way out (a public reading page, below), encoded again as Next.js had it;
// brotli at a middle quality, since this runs for each request.
const encoders = {
  identity: (raw) => raw,
  gzip: gzipSync,
  deflate: deflateSync,
  br: (raw) => brotliCompressSync(raw, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5 } }),
};

/**
 * Holds back a page that Next.js serves from its prerender cache (it marks those with x-nextjs-cache
 * or x-nextjs-prerender) until its body is complete, then sends it with the policy that names its
 * inline scripts' hashes in place of proxy.ts's nonce policy, which its scripts cannot meet. Pages
 * rendered for the request keep streaming untouched. The bytes sent are the bytes Next.js wrote,
 * except on a public reading page, which leaves without its scripts (toStaticContentPage).
 */
function applyStaticPagePolicy(req, res) {
  if (req.method !== "GET") return;
  const writeHead = res.writeHead;
  const write = res.write;
  const end = res.end;
  const flushHeaders = res.flushHeaders;
  // undefined: not decided yet (headers unsent); null: passed through; else the held head and body.
  let held;

  const headerOf = (given, name) => {
    const entry = Object.entries(given ?? {}).find(([key]) => key.toLowerCase() === name);
    return entry ? entry[1] : res.getHeader(name);
  };
  // Next.js marks a response from its prerender cache with x-nextjs-cache (HIT, STALE, MISS…) and
  // x-nextjs-prerender; a 304 carries the marks but no Content-Type.
  const isFromPrerenderCache = (given) =>
    headerOf(given, "x-nextjs-cache") !== undefined || String(headerOf(given, "x-nextjs-prerender")).startsWith("1");
  const isPrerenderedPage = (statusCode, given) =>
    statusCode < 500 &&
    String(headerOf(given, "content-type") ?? "").startsWith("text/html") &&
    isFromPrerenderCache(given);
  const decide = () => {
    if (held === undefined && !res.headersSent) res.writeHead(res.statusCode);
  };

  res.writeHead = function (statusCode, ...rest) {
    if (held) return res; // asked again while held (compression asks before each chunk)
    if (held === undefined && !res.headersSent) {
      const given = rest.find((value) => value && typeof value === "object" && !Array.isArray(value));
      held = null;
      if (statusCode === 304 && isFromPrerenderCache(given)) {
        // A 304's headers replace the cached response's: with no policy here, the browser keeps the
        // hash policy it got with the body it keeps.
        res.removeHeader("Content-Security-Policy");
        const headers = Object.fromEntries(
          Object.entries(given ?? {}).filter(([name]) => name.toLowerCase() !== "content-security-policy"),
        );
        return writeHead.call(res, statusCode, headers);
      }
      if (isPrerenderedPage(statusCode, given)) {
        held = { statusCode, given, chunks: [] };
        return res;
      }
    }
    return writeHead.call(res, statusCode, ...rest);
  };
  // Next.js flushes the headers before its first chunk; while a page is held there is nothing to send.
  res.flushHeaders = function () {
    decide();
    if (!held) flushHeaders.call(res);
  };
  const hold = (chunk, encoding) => {
    if (chunk === undefined || chunk === null || typeof chunk === "function") return;
    const text = typeof encoding === "string" ? encoding : "utf8";
    held.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, text));
  };
  res.write = function (chunk, encoding, callback) {
    decide();
    if (!held) return write.call(res, chunk, encoding, callback);
    hold(chunk, encoding);
    const done = typeof encoding === "function" ? encoding : callback;
    if (typeof done === "function") process.nextTick(done);
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    decide();
    if (!held) return end.call(res, chunk, encoding, callback);
    hold(chunk, encoding);
    const done = [chunk, encoding, callback].find((value) => typeof value === "function");
    const { statusCode, given, chunks } = held;
    held = null;
    let body = Buffer.concat(chunks);
    const contentEncoding = String(res.getHeader("content-encoding") ?? "identity")
      .trim()
      .toLowerCase();
    let policy;
    try {
      const decode = contentEncoding === "identity" ? (raw) => raw : decoders[contentEncoding];
      if (!decode) throw new Error(`unknown Content-Encoding ${contentEncoding}`);
      let html = decode(body).toString("utf8");
      if (statusCode === 200 && isStaticContentPath(req.url ?? "")) {
        // A public reading page leaves as HTML and CSS only (lib/http/static-content-page.mjs),
        // encoded as Next.js encoded it.
        html = toStaticContentPage(html);
        body = encoders[contentEncoding](Buffer.from(html, "utf8"));
      }
      policy = buildStaticPagePolicy(html);
    } catch (error) {
      // Unreadable (an encoding this server cannot undo): no inline script may run. The page still
      // reads; it only does not hydrate. Logged, since it means this server needs a change.
      consoleError("[server] could not read a prerendered page for its script hashes", error?.message ?? error);
      policy = buildStaticPagePolicy("");
    }
    const headers = Object.fromEntries(
      Object.entries(given ?? {}).filter(
        ([name]) => !["content-security-policy", "content-length"].includes(name.toLowerCase()),
      ),
    );
    res.setHeader("Content-Security-Policy", policy);
    res.removeHeader("Transfer-Encoding");
    res.setHeader("Content-Length", body.length);
    writeHead.call(res, statusCode, headers);
    return end.call(res, body, done);
  };
}

// What this server adds to Next.js's handler, which `next start` cannot do (issues #15, #16):
//  - honest 503s: each request runs in an AsyncLocalStorage store (globalThis[Symbol.for(
//    "second-heart.request-store")], lib/http/request-store.ts) that the database layer marks when
//    it finds the database unavailable; a marked request's 5xx leaves as 503 with Retry-After, a
//    page's with the prerendered /unavailable page, and its stack traces stay out of the log (the
//    failure was logged once, folded, where it was found);
//  - clean shutdown: on SIGTERM /api/health answers 503 "draining" at once, responses carry
//    `Connection: close`, idle keep-alive sockets are closed, in-flight requests finish, then the
//    background jobs, the database and the embedded database stop and the process exits;
//  - the client's address: the socket's address travels to the app in the request's store, where
//    no client can write (TRUST_PROXY_HOPS=0 reads it, lib/auth/client-ip.ts);
//  - a strict script policy on prerendered pages: a page served from Next.js's prerender cache has
//    no per-request nonce on its scripts, so its body is held until complete and it leaves with a
//    Content-Security-Policy listing its inline scripts' hashes (lib/http/content-security-policy.mjs);
//    a public reading page (articles, services, home, privacy) also leaves without React, as HTML
//    and CSS with one small script for the header (lib/http/static-content-page.mjs, issue #21);
//  - Server Actions only from the site's own pages (lib/http/server-action-origin.mjs, which
//    proxy.ts applies too, so `next dev` and `next start` refuse them the same way).
const server = createServer((req, res) => {
  inFlight++;
  res.once("close", () => {
    inFlight--;
    lastRequestEndedAt = Date.now();
  });
  // The socket's address, as the app's client IP when no proxy is trusted: never the client's say.
  const store = { socketAddress: req.socket.remoteAddress ?? "" };
  if (refusesForeignServerAction(req)) {
    refuseServerAction(res);
    return;
  }
  guardResponse(req, res, store);
  applyStaticPagePolicy(req, res);
  requestStore.run(store, () => {
    handle(req, res).catch((error) => {
      consoleError("[server] request failed", error);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    });
  });
});

server.listen(port, hostname, () => {
  console.log(`[server] ready on http://${hostname ?? "localhost"}:${port} (pid ${process.pid})`);
});

async function shutDown(signal) {
  if (draining) return;
  draining = true;
  const startedAt = Date.now();
  globalThis[Symbol.for("second-heart.draining")] = true;
  console.log(`[server] ${signal}: draining; /api/health answers 503, ${inFlight} request(s) in flight.`);
  const waitUntil = async (done, bound) => {
    while (!done() && Date.now() - startedAt < bound) await new Promise((resolve) => setTimeout(resolve, 50));
  };
  // Still listening for a moment, so a load balancer's next check sees "draining" (not a refused
  // connection) while every response closes its connection; as soon as the traffic stops, or after
  // the grace period, no new connection is accepted.
  await waitUntil(() => inFlight === 0 && Date.now() - lastRequestEndedAt >= QUIET_MS, LISTEN_GRACE_MS);
  server.close();
  server.closeIdleConnections();
  // Then the requests under way finish, within the bound.
  await waitUntil(() => inFlight === 0, SHUTDOWN_BOUND_MS);
  const forced = inFlight > 0;
  server.closeAllConnections();
  for (const hook of [...shutdownHooks].sort((a, b) => a.order - b.order)) {
    await Promise.race([
      Promise.resolve()
        .then(hook.run)
        .catch((error) => consoleError(`[server] stopping ${hook.name} failed:`, error?.message ?? error)),
      new Promise((resolve) => setTimeout(resolve, 8_000).unref()),
    ]);
  }
  await app.close().catch(() => undefined);
  console.log(
    forced
      ? `[server] shutdown bound of ${SHUTDOWN_BOUND_MS / 1000} s reached with ${inFlight} request(s) in flight; exiting.`
      : `[server] drained in ${Date.now() - startedAt} ms; exiting.`,
  );
  process.exit(forced ? 1 : 0);
}

// `on`, not `once`: a second signal (systemd signals every process of the service) must not end the
// process before it has drained; shutDown ignores repeats.
process.on("SIGTERM", () => void shutDown("SIGTERM"));
process.on("SIGINT", () => void shutDown("SIGINT"));
