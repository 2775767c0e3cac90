// The hosted checkout page and its three buttons. Only an open session changes; a press on a paid
// or expired one lands on the page that says what happened, so a double click does no harm.
import type { IncomingMessage, ServerResponse } from "node:http";
import { renderCheckoutPage, renderClosedCheckoutPage, renderMissingCheckoutPage } from "./checkout-page";
import { buildSuccessRedirectUrl } from "./emulated-objects";
import type { CheckoutSessionRecord } from "./emulator-state";
import { readBody, sendHtml, sendRedirect, type EmulatorRequestContext } from "./http-io";
import { parseFormParams } from "./parse-form-params";
import { payCheckoutFormParams } from "./request-schemas";

const PAGE_PATH = /^\/checkout\/([^/]+)(?:\/(pay|cancel|expire))?$/;

function findSession(encodedId: string, context: EmulatorRequestContext): CheckoutSessionRecord | undefined {
  try {
    return context.state.getCheckoutSessionRecord(decodeURIComponent(encodedId));
  } catch {
    return undefined;
  }
}

export async function handleCheckoutPageRequest(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  context: EmulatorRequestContext,
): Promise<void> {
  const match = PAGE_PATH.exec(url.pathname);
  const record = match ? findSession(match[1] ?? "", context) : undefined;
  if (!match || !record) {
    sendHtml(response, 404, renderMissingCheckoutPage());
    return;
  }
  const action = match[2];
  const { session } = record;
  const pageUrl = `/checkout/${encodeURIComponent(session.id)}`;

  if (request.method === "GET" && action === undefined) {
    if (session.status === "open") {
      sendHtml(response, 200, renderCheckoutPage(record, Math.floor(context.now() / 1000)));
    } else {
      const status = session.status === "expired" ? 410 : 200;
      sendHtml(response, status, renderClosedCheckoutPage(record, buildSuccessRedirectUrl(session)));
    }
    return;
  }
  if (request.method !== "POST" || action === undefined) {
    response.writeHead(405, { Allow: action === undefined ? "GET" : "POST" });
    response.end();
    return;
  }

  const form = parseFormParams(await readBody(request));
  if (session.status !== "open") {
    sendRedirect(response, action === "cancel" && session.cancel_url !== null ? session.cancel_url : pageUrl);
    return;
  }
  if (action === "pay") {
    const payer = payCheckoutFormParams.safeParse(form);
    // The browser enforces the required email field; a request without one just sees the page again.
    if (!payer.success || (session.customer_email === null && payer.data.email === undefined)) {
      sendRedirect(response, pageUrl);
      return;
    }
    context.state.completeCheckoutSession(session.id, { email: payer.data.email });
    sendRedirect(response, buildSuccessRedirectUrl(session));
    return;
  }
  if (action === "expire") context.state.expireCheckoutSession(session.id);
  // Cancel leaves the session open, as Stripe's back link does: the payer may still return to it.
  sendRedirect(response, session.cancel_url ?? pageUrl);
}
