// Ids shaped like Stripe's (prefix, then random base62), so code that checks or logs them reads the
// same against the emulator as against Stripe.
import { randomInt } from "node:crypto";

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

function randomBase62(length: number): string {
  let text = "";
  for (let index = 0; index < length; index += 1) text += ALPHABET[randomInt(ALPHABET.length)];
  return text;
}

const ID_SHAPES = {
  checkoutSession: { prefix: "cs_test_", length: 58 },
  paymentIntent: { prefix: "pi_3", length: 23 },
  paymentIntentSecret: { prefix: "_secret_", length: 25 },
  charge: { prefix: "ch_3", length: 23 },
  paymentMethod: { prefix: "pm_1", length: 23 },
  balanceTransaction: { prefix: "txn_3", length: 23 },
  refund: { prefix: "re_3", length: 23 },
  event: { prefix: "evt_1", length: 23 },
  request: { prefix: "req_", length: 14 },
} as const;

export type StripeIdKind = keyof typeof ID_SHAPES;

export function createStripeId(kind: StripeIdKind): string {
  const shape = ID_SHAPES[kind];
  return shape.prefix + randomBase62(shape.length);
}
