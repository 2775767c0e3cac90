// The local Stripe emulator (test mode only): what the app and its tests use from it.
export {
  chooseEmulatorWebhookSecret,
  createEmulatorStripe,
  deriveEmulatorWebhookSecret,
  EMULATOR_SECRET_KEY,
  STRIPE_API_VERSION,
  STRIPE_REQUEST_BOUNDS,
  type StripeRequestBounds,
} from "@/lib/payments/stripe-emulator-client";
export type {
  EmulatedCheckoutSession,
  EmulatedEvent,
  EmulatedEventType,
  EmulatedPaymentIntent,
  EmulatedRefund,
} from "./emulated-objects";
export { startStripeEmulator, type StripeEmulator, type StripeEmulatorOptions } from "./start-stripe-emulator";
export type { WebhookDelivery, WebhookRetryPolicy } from "./webhook-dispatcher";
