// The Stripe API subset under /v1 that the app calls: Stripe's authentication, idempotency keys,
// form-encoded parameters validated by one schema per endpoint, JSON answers and errors.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatedCheckoutSession, EmulatedRefund, EventCause } from "./emulated-objects";
import { EmulatorError } from "./emulator-error";
import type { EmulatorState } from "./emulator-state";
import { decodePathSegment, readBody, sendError, sendJson, type EmulatorRequestContext } from "./http-io";
import { canonicalizeParams, parseFormParams, type FormObject } from "./parse-form-params";
import {
  createCheckoutSessionParams,
  createRefundParams,
  expireCheckoutSessionParams,
  parseParams,
  retrieveCheckoutSessionParams,
  retrieveEventParams,
  retrievePaymentIntentParams,
  retrieveRefundParams,
} from "./request-schemas";
import { createStripeId } from "./stripe-ids";

interface ApiCall {
  /** The id in the path, for routes that have one. */
  id: string;
  params: FormObject;
  cause: EventCause;
}

interface ApiRoute {
  method: "GET" | "POST";
  pattern: RegExp;
  handle: (call: ApiCall, state: EmulatorState) => unknown;
}

/** A copy as served, with payment_intent expanded into the object when asked. */
function presentWithPaymentIntent<T extends EmulatedCheckoutSession | EmulatedRefund>(
  object: T,
  expand: readonly string[] | undefined,
  state: EmulatorState,
): T {
  const copy = structuredClone(object);
  if (expand?.includes("payment_intent") && typeof copy.payment_intent === "string") {
    copy.payment_intent = structuredClone(state.getPaymentIntent(copy.payment_intent));
  }
  return copy;
}

const API_ROUTES: ApiRoute[] = [
  {
    method: "POST",
    pattern: /^\/v1\/checkout\/sessions$/,
    handle: ({ params }, state) => {
      const input = parseParams(createCheckoutSessionParams, params);
      return presentWithPaymentIntent(state.createCheckoutSession(input), input.expand, state);
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/checkout\/sessions\/([^/]+)$/,
    handle: ({ id, params }, state) => {
      const { expand } = parseParams(retrieveCheckoutSessionParams, params);
      return presentWithPaymentIntent(state.getCheckoutSession(id), expand, state);
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/checkout\/sessions\/([^/]+)\/expire$/,
    handle: ({ id, params, cause }, state) => {
      const { expand } = parseParams(expireCheckoutSessionParams, params);
      return presentWithPaymentIntent(state.expireCheckoutSession(id, cause), expand, state);
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/payment_intents\/([^/]+)$/,
    handle: ({ id, params }, state) => {
      parseParams(retrievePaymentIntentParams, params);
      return structuredClone(state.getPaymentIntent(id));
    },
  },
  {
    method: "POST",
    pattern: /^\/v1\/refunds$/,
    handle: ({ params, cause }, state) => {
      const input = parseParams(createRefundParams, params);
      return presentWithPaymentIntent(state.createRefund(input, cause), input.expand, state);
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/refunds\/([^/]+)$/,
    handle: ({ id, params }, state) => {
      const { expand } = parseParams(retrieveRefundParams, params);
      return presentWithPaymentIntent(state.getRefund(id), expand, state);
    },
  },
  {
    method: "GET",
    pattern: /^\/v1\/events\/([^/]+)$/,
    handle: ({ id, params }, state) => {
      parseParams(retrieveEventParams, params);
      return structuredClone(state.getEvent(id));
    },
  },
];

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

function findRoute(method: string, pathname: string): { route: ApiRoute; id: string } {
  for (const route of API_ROUTES) {
    const match = route.method === method ? route.pattern.exec(pathname) : null;
    if (match) return { route, id: decodePathSegment(match[1] ?? "") };
  }
  throw new EmulatorError(
    404,
    "invalid_request_error",
    `Unrecognized request URL (${method}: ${pathname}). The local Stripe emulator serves only what this app calls.`,
  );
}

export async function handleApiRequest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: EmulatorRequestContext,
): Promise<void> {
  const method = request.method ?? "GET";
  const requestId = createStripeId("request");
  const rawKey = method === "POST" ? request.headers["idempotency-key"] : undefined;
  const idempotencyKey = typeof rawKey === "string" && rawKey !== "" ? rawKey : null;
  const headers: Record<string, string> = { "Request-Id": requestId };
  if (idempotencyKey !== null) headers["Idempotency-Key"] = idempotencyKey;
  try {
    checkApiKey(request);
    const { route, id } = findRoute(method, url.pathname);
    const params = parseFormParams(method === "GET" ? url.search.slice(1) : await readBody(request));
    const endpoint = `${method} ${url.pathname}`;
    const canonicalParams = canonicalizeParams(params);
    if (idempotencyKey !== null) {
      const replay = context.idempotency.findReplay(idempotencyKey, endpoint, canonicalParams);
      if (replay) {
        sendJson(response, replay.status, replay.body, { ...headers, "Idempotent-Replayed": "true" });
        return;
      }
    }
    const result = route.handle({ id, params, cause: { requestId, idempotencyKey } }, context.state);
    const body = JSON.stringify(result, null, 2);
    if (idempotencyKey !== null) context.idempotency.save(idempotencyKey, endpoint, canonicalParams, 200, body);
    sendJson(response, 200, body, headers);
  } catch (error) {
    if (error instanceof EmulatorError) {
      sendError(response, error, headers);
      return;
    }
    context.logger.warn(`[stripe-emulator] ${method} ${url.pathname} failed: ${String(error)}`);
    // A bug in the emulator will not go away on a retry, so the SDK is told not to retry.
    sendError(response, new EmulatorError(500, "api_error", "The local Stripe emulator failed unexpectedly."), {
      ...headers,
      "Stripe-Should-Retry": "false",
    });
  }
}
