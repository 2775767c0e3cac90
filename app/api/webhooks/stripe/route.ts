// POST /api/webhooks/stripe: Stripe's signed events. The signature is checked on the raw body;
// anything unsigned, tampered with or older than five minutes gets a 400 and changes nothing.
import { NextResponse } from "next/server";
import { ApiError, errorResponse } from "@/lib/http/api-error";
import { readBodyText } from "@/lib/http/read-json-body";
import { handleStripeWebhook } from "@/lib/payments/webhooks/handle-stripe-webhook";

// Stripe's events are a few kilobytes; the cap keeps an unsigned flood from filling memory.
const WEBHOOK_BODY_LIMIT_BYTES = 256 * 1024;

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  let payload: string;
  try {
    // Stripe's servers send no Origin; a browser sends one with every POST. A page of another site
    // posting here is refused like any cross-site POST, before the body is read.
    if (request.headers.has("origin")) throw new ApiError("forbidden", "Cross-site requests are not accepted.");
    payload = await readBodyText(request, WEBHOOK_BODY_LIMIT_BYTES);
  } catch (error) {
    return errorResponse(error);
  }
  const result = await handleStripeWebhook(payload, request.headers.get("stripe-signature"));
  return NextResponse.json(result.body, { status: result.status });
}
