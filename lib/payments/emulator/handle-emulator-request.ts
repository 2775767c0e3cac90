// Routes the emulator's HTTP requests: the Stripe API subset under /v1 (JSON, Stripe's errors and
// idempotency), the hosted checkout page under /checkout, and /health.
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  buildSuccessRedirectUrl,
  type EmulatedCheckoutSession,
  type EmulatedRefund,
  type EventCause,
} from "./emulated-objects";
import { EmulatorError } from "./emulator-error";
import type { EmulatorState } from "./emulator-state";
import { STRIPE_API_VERSION } from "./emulator-client";
import { renderCheckoutPage, renderClosedCheckoutPage, renderMissingCheckoutPage } from "./checkout-page";
import type { IdempotencyStore } from "./idempotency-store";
import { canonicalizeParams, parseFormParams, type FormObject } from "./parse-form-params";
import {
  createCheckoutSessionParams,
  createRefundParams,
  expireCheckoutSessionParams,
  parseParams,
  payCheckoutFormParams,
  retrieveCheckoutSessionParams,
  retrieveEventParams,
  retrievePaymentIntentParams,
  retrieveRefundParams,
} from "./request-schemas";
import { createStripeId } from "./stripe-ids";
import type { EmulatorLogger } from "./webhook-dispatcher";

const MAX_BODY_BYTES = 1024 * 1024;

export interface EmulatorRequestContext {
  state: EmulatorState;
  idempotency: IdempotencyStore;
  logger: EmulatorLogger;
  now: () => number;
  describeHealth: () => Record<string, unknown>;
}

interface ApiCall {
  match: RegExpExecArray;
  params: FormObject;
  cause: EventCause;
}

interface ApiRoute {
  method: "GET" | "POST";
  pattern: RegExp;
  handle: (call: ApiCall, context: EmulatorRequestContext) => unknown;
}

function idFrom(match: RegExpExecArray): string {
  return decodeURIComponent(match[1] ?? "");
}

function wantsExpanded(expand: readonly string[] | undefined, field: string): boolean {
  return expand?.includes(field) ?? false;
}

/** The session as served: a copy, with payment_intent expanded into the object when asked. */
function presentSession(
  session: EmulatedCheckoutSession,
  expand: readonly string[] | undefined,
  state: EmulatorState,
): EmulatedCheckoutSession {
  const copy = structuredClone(session);
  if (wantsExpanded(expand, "payment_intent") && typeof copy.payment_intent === "string") {
    copy.payment_intent = structuredClone(state.getPaymentIntent(copy.payment_intent));
  }
  return copy;
}

function presentRefund(refund: EmulatedRefund, expand: readonly string[] | undefined, state: EmulatorState) {
  const copy = structuredClone(refund);
  if (wantsExpanded(expand, "payment_intent") && typeof copy.payment_intent === "string") {
    copy.payment_intent = structuredClone(state.getPaymentIntent(copy.payment_intent));
  }
  return copy;
}

const API_ROUTES: ApiRoute[] = [
  {
    method: "POST",
    pattern: /^\/v1\/checkout\/sessions$/,
    handle: ({ params }, { state }) => {
      const input = parseParams(createCheckoutSessionParams, params);
      return presentSession(state.createCheckoutSession(input), input.expand, state);
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/checkout\/sessions\/([^/]+)$/,
    handle: ({ match, params }, { state }) => {
      const { expand } = parseParams(retrieveCheckoutSessionParams, params);
      return presentSession(state.getCheckoutSession(idFrom(match)), expand, state);
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
    handle: ({ match, params, cause }, { state }) => {
      const { expand } = parseParams(expireCheckoutSessionParams, params);
      return presentSession(state.expireCheckoutSession(idFrom(match), cause), expand, state);
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/payment_intents\/([^/]+)$/,
    handle: ({ match, params }, { state }) => {
      parseParams(retrievePaymentIntentParams, params);
      return structuredClone(state.getPaymentIntent(idFrom(match)));
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/refunds$/,
    handle: ({ params, cause }, { state }) => {
      const input = parseParams(createRefundParams, params);
      return presentRefund(state.createRefund(input, cause), input.expand, state);
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/refunds\/([^/]+)$/,
    handle: ({ match, params }, { state }) => {
      const { expand } = parseParams(retrieveRefundParams, params);
      return presentRefund(state.getRefund(idFrom(match)), expand, state);
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/events\/([^/]+)$/,
    handle: ({ match, params }, { state }) => {
      parseParams(retrieveEventParams, params);
      return structuredClone(state.getEvent(idFrom(match)));
    },
  },
];

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new EmulatorError(413, "invalid_request_error", "Request body too large."));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-cache, no-store",
    "Stripe-Version": STRIPE_API_VERSION,
    ...headers,
  });
  response.end(body);
}

function sendHtml(response: ServerResponse, status: number, html: string): void {
  response.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Content-Length": Buffer.byteLength(html),
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    // No scripts, no framing; the forms post to this origin and redirect to the app.
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'",
  });
  response.end(html);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { Location: location, "Cache-Control": "no-store", "Content-Length": 0 });
  response.end();
}

function serializeError(error: EmulatorError): string {
  return JSON.stringify(error.toBody(), null, 2);
}

/** The SDK always sends `Authorization: Bearer sk_…`; the emulator takes test-mode keys only. */
function checkApiKey(request: IncomingMessage): void {
  const header = request.headers.authorization ?? "";
  const key = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
  if (key === "") {
    throw new EmulatorError(
      401,
      "invalid_request_error",
      "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth.",
    );
  }
  if (!key.startsWith("sk_test_")) {
    throw new EmulatorError(
      401,
      "invalid_request_error",
      "The local Stripe emulator runs in test mode only and accepts only sk_test_ keys.",
    );
  }
}

function singleHeader(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === "string" && value !== "" ? value : null;
}

async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: EmulatorRequestContext,
): Promise<void> {
  const requestId = createStripeId("request");
  const idempotencyKey = request.method === "POST" ? singleHeader(request, "idempotency-key") : null;
  const headers: Record<string, string> = { "Request-Id": requestId };
  if (idempotencyKey !== null) headers["Idempotency-Key"] = idempotencyKey;
  try {
    checkApiKey(request);
    const method = request.method ?? "GET";
    const candidates = API_ROUTES.filter((route) => route.pattern.test(url.pathname));
    const route = candidates.find((candidate) => candidate.method === method);
    if (!route) {
      throw new EmulatorError(
        404,
        "invalid_request_error",
        `Unrecognized request URL (${method}: ${url.pathname}). The local Stripe emulator serves only what this app calls.`,
      );
    }
    const rawParams = method === "GET" ? url.search.slice(1) : await readBody(request);
    const params = parseFormParams(rawParams);
    const endpoint = `${method} ${url.pathname}`;
    const canonicalParams = canonicalizeParams(params);
    if (idempotencyKey !== null) {
      const replay = context.idempotency.findReplay(idempotencyKey, endpoint, canonicalParams);
      if (replay) {
        sendJson(response, replay.status, replay.body, { ...headers, "Idempotent-Replayed": "true" });
        return;
      }
    }
    const match = route.pattern.exec(url.pathname);
    if (!match) throw new Error("route matched once and not twice");
    const result = route.handle({ match, params, cause: { requestId, idempotencyKey } }, context);
    const body = JSON.stringify(result, null, 2);
    if (idempotencyKey !== null) context.idempotency.save(idempotencyKey, endpoint, canonicalParams, 200, body);
    sendJson(response, 200, body, headers);
  } catch (error) {
    if (error instanceof EmulatorError) {
      sendJson(response, error.status, serializeError(error), headers);
      return;
    }
    context.logger.warn(`[stripe-emulator] ${request.method} ${url.pathname} failed: ${String(error)}`);
    const failure = new EmulatorError(500, "api_error", "The local Stripe emulator failed unexpectedly.");
    // A bug in the emulator will not go away on a retry.
    sendJson(response, 500, serializeError(failure), { ...headers, "Stripe-Should-Retry": "false" });
  }
}

async function handleCheckoutPage(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: EmulatorRequestContext,
): Promise<void> {
  const match = /^\/checkout\/([^/]+)(?:\/(pay|cancel|expire))?$/.exec(url.pathname);
  const sessionId = decodeURIComponent(match?.[1] ?? "");
  const action = match?.[2];
  const record = (() => {
    try {
      return context.state.getCheckoutSessionRecord(sessionId);
    } catch {
      return undefined;
    }
  })();
  if (!match || !record) {
    sendHtml(response, 404, renderMissingCheckoutPage());
    return;
  }
  const { session } = record;
  const pageUrl = `/checkout/${encodeURIComponent(session.id)}`;
  if (request.method === "GET" && action === undefined) {
    if (session.status === "open") {
      sendHtml(response, 200, renderCheckoutPage(record, Math.floor(context.now() / 1000)));
    } else {
      sendHtml(
        response,
        session.status === "expired" ? 410 : 200,
        renderClosedCheckoutPage(record, buildSuccessRedirectUrl(session)),
      );
    }
    return;
  }
  if (request.method !== "POST" || action === undefined) {
    response.writeHead(405, { Allow: action === undefined ? "GET" : "POST" });
    response.end();
    return;
  }
  const form = parseFormParams(await readBody(request));
  // Only an open session changes; any other press lands on the page that says what happened.
  if (session.status !== "open") {
    redirect(response, action === "cancel" && session.cancel_url !== null ? session.cancel_url : pageUrl);
    return;
  }
  if (action === "pay") {
    const payer = payCheckoutFormParams.safeParse(form);
    if (!payer.success || (session.customer_email === null && payer.data.email === undefined)) {
      redirect(response, pageUrl);
      return;
    }
    context.state.completeCheckoutSession(session.id, { email: payer.data.email });
    redirect(response, buildSuccessRedirectUrl(session));
    return;
  }
  if (action === "expire") context.state.expireCheckoutSession(session.id);
  // Cancel leaves the session open, as Stripe's back link does: the payer may still return to it.
  redirect(response, session.cancel_url ?? pageUrl);
}

export function createEmulatorRequestHandler(context: EmulatorRequestContext) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    let handled: Promise<void>;
    if (url.pathname === "/health" && request.method === "GET") {
      sendJson(response, 200, JSON.stringify({ status: "ok", ...context.describeHealth() }));
      return;
    } else if (url.pathname.startsWith("/v1/")) {
      handled = handleApi(request, response, url, context);
    } else if (url.pathname.startsWith("/checkout/")) {
      handled = handleCheckoutPage(request, response, url, context);
    } else {
      sendJson(
        response,
        404,
        serializeError(
          new EmulatorError(
            404,
            "invalid_request_error",
            `Unrecognized request URL (${request.method}: ${url.pathname}).`,
          ),
        ),
      );
      return;
    }
    handled.catch((error: unknown) => {
      context.logger.warn(`[stripe-emulator] ${request.method} ${url.pathname} failed: ${String(error)}`);
      if (!response.headersSent) {
        response.writeHead(500);
      }
      response.end();
    });
  };
}
