// The production server (`npm start`): Next.js's request handler inside a plain Node HTTP server,
// for three things `next start` cannot do (issue #15):
//  - honest 503s: each request runs in an AsyncLocalStorage store (globalThis[Symbol.for(
//    "second-heart.request-store")], lib/http/request-store.ts) that the database layer marks when
//    it finds the database unavailable; a marked request's 5xx leaves as 503 with Retry-After, a
//    page's with the prerendered /unavailable page, and its stack traces stay out of the log (the
//    failure was logged once, folded, where it was found);
//  - clean shutdown: on SIGTERM /api/health answers 503 "draining" at once, responses carry
//    `Connection: close`, idle keep-alive sockets are closed, in-flight requests finish, then the
//    background jobs, the database and the embedded database stop and the process exits;
//  - the client's address: the socket's address travels to the app in X-Clinic-Socket-Address,
//    overwriting anything a client sent under that name (TRUST_PROXY_HOPS=0 reads it);
//  - Server Actions only from the site's own pages: see refusesServerAction below.
// Usage as `next start`: npm start [-- -p PORT] [-H HOSTNAME]; PORT is read too.
import { AsyncLocalStorage } from "node:async_hooks";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";

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
const SOCKET_ADDRESS_HEADER = "x-clinic-socket-address";

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

// A POST to a page that Next.js may run as a Server Action (its own test, in
// next/dist/server/lib/server-action-request-meta.js: a Next-Action header, or a form body).
const FORM_BODY = /^(multipart\/form-data|application\/x-www-form-urlencoded)\b/i;
const appOrigin = (() => {
  try {
    return new URL(process.env.APP_URL ?? "").origin;
  } catch {
    return undefined;
  }
})();

/**
 * True for a Server Action request that does not come from the site's own pages. Next.js's own
 * check answers 500 to another site's Origin, throws on an empty one (`new URL("")`, also a 500),
 * and lets a request with no Origin through with a warning. Browsers send Origin with every POST,
 * so one without it, or with "null" (a sandboxed frame, a redirect across sites), is not one of our
 * forms: all of these get a 403 before Next.js sees them. The Origin must be APP_URL's, or name the
 * host the request was sent to (what Next.js itself accepts; a browser cannot forge Host).
 */
function refusesServerAction(req) {
  if (req.method !== "POST" || req.url?.startsWith("/api/")) return false;
  const isAction = req.headers["next-action"] !== undefined || FORM_BODY.test(req.headers["content-type"] ?? "");
  if (!isAction) return false;
  const origin = req.headers.origin;
  if (typeof origin !== "string" || origin === "" || origin === "null") return true;
  let parsed;
  try {
    parsed = new URL(origin);
  } catch {
    return true;
  }
  if (parsed.origin === appOrigin) return false;
  const forwardedHost = String(req.headers["x-forwarded-host"] ?? "")
    .split(",")[0]
    ?.trim();
  return parsed.host !== (forwardedHost || req.headers.host);
}

function refuseServerAction(res) {
  res.writeHead(403, {
    "Content-Type": "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'",
  });
  res.end("This form can only be sent from the clinic's own pages.");
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

const server = createServer((req, res) => {
  inFlight++;
  res.once("close", () => {
    inFlight--;
    lastRequestEndedAt = Date.now();
  });
  // The socket's address, as the app's client IP when no proxy is trusted: never the client's say.
  req.headers[SOCKET_ADDRESS_HEADER] = req.socket.remoteAddress ?? "";
  if (refusesServerAction(req)) {
    refuseServerAction(res);
    return;
  }
  const store = {};
  guardResponse(req, res, store);
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
