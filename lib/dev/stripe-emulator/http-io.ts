// Reading requests and writing answers for the emulator's node:http server.
import type { IncomingMessage, ServerResponse } from "node:http";
import { EmulatorError, invalidRequest } from "./emulator-error";
import { STRIPE_API_VERSION } from "@/lib/payments/stripe-emulator-client";
import type { EmulatorState } from "./emulator-state";
import type { IdempotencyStore } from "./idempotency-store";
import type { EmulatorLogger } from "./webhook-dispatcher";

const MAX_BODY_BYTES = 1024 * 1024;

/** What every request handler of the emulator works with. */
export interface EmulatorRequestContext {
  state: EmulatorState;
  idempotency: IdempotencyStore;
  logger: EmulatorLogger;
  now: () => number;
  describeHealth: () => Record<string, unknown>;
}

export function readBody(request: IncomingMessage): Promise<string> {
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

/** A path segment such as an id, decoded; malformed percent-encoding is the caller's error, not a 500. */
export function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw invalidRequest(`Invalid URL encoding: ${segment}`);
  }
}

export function sendJson(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, {
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-cache, no-store",
    "Stripe-Version": STRIPE_API_VERSION,
    ...headers,
  });
  response.end(body);
}

export function sendError(response: ServerResponse, error: EmulatorError, headers: Record<string, string> = {}): void {
  sendJson(response, error.status, JSON.stringify(error.toBody(), null, 2), headers);
}

export function sendHtml(response: ServerResponse, status: number, html: string): void {
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

/** 303: the browser follows a form's POST with a GET, as it does after Stripe's own page. */
export function sendRedirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { Location: location, "Cache-Control": "no-store", "Content-Length": 0 });
  response.end();
}
