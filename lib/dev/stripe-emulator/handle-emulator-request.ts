// Routes the emulator's HTTP requests: the Stripe API subset under /v1, the hosted checkout page
// under /checkout, and /health (which also tells another process that this port is an emulator).
import type { IncomingMessage, ServerResponse } from "node:http";
import { EmulatorError } from "./emulator-error";
import { handleApiRequest } from "./handle-api-request";
import { handleCheckoutPageRequest } from "./handle-checkout-page-request";
import { sendError, sendJson, type EmulatorRequestContext } from "./http-io";

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function createEmulatorRequestHandler(context: EmulatorRequestContext) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    // Only this machine's own names: a page elsewhere cannot reach the emulator through a DNS name
    // it points at 127.0.0.1 (DNS rebinding), since its requests would carry that name as Host.
    const host = (request.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
    if (!LOCAL_HOSTS.has(host)) {
      sendError(
        response,
        new EmulatorError(403, "invalid_request_error", "The Stripe emulator answers only on 127.0.0.1."),
      );
      return;
    }
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    if (url.pathname === "/health" && request.method === "GET") {
      sendJson(response, 200, JSON.stringify({ status: "ok", ...context.describeHealth() }));
      return;
    }
    const handle = url.pathname.startsWith("/v1/")
      ? handleApiRequest
      : url.pathname.startsWith("/checkout/")
        ? handleCheckoutPageRequest
        : undefined;
    if (!handle) {
      const message = `Unrecognized request URL (${request.method}: ${url.pathname}).`;
      sendError(response, new EmulatorError(404, "invalid_request_error", message));
      return;
    }
    handle(request, response, url, context).catch((error: unknown) => {
      context.logger.warn(`[stripe-emulator] ${request.method} ${url.pathname} failed: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  };
}
