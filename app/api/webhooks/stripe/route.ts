// POST /api/webhooks/stripe: Stripe's signed events. The signature is checked on the raw body;
// anything unsigned, tampered with or older than five minutes gets a 400 and changes nothing.
import { NextResponse } from "next/server";
import { handleStripeWebhook } from "@/lib/payments/webhooks/handle-stripe-webhook";

export const dynamic = "force-dynamic";

export async function POST(request: Request): Promise<Response> {
  const payload = await request.text();
  const result = await handleStripeWebhook(payload, request.headers.get("stripe-signature"));
  return NextResponse.json(result.body, { status: result.status });
}
