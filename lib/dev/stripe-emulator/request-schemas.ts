// One zod schema per endpoint the emulator serves. Unknown parameters are refused, as Stripe refuses
// them, so a parameter the app starts sending that the emulator does not model fails loudly instead
// of being silently ignored.
import { z } from "zod";
import { invalidRequest } from "./emulator-error";
import type { FormObject } from "./parse-form-params";

/** Stripe sends arrays as `key[0]`, `key[1]`; the parser keeps them as objects with index keys. */
function indexedObjectToArray(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const entries = Object.entries(value);
  if (!entries.every(([key]) => /^\d+$/.test(key))) return value;
  return entries.sort(([a], [b]) => Number(a) - Number(b)).map(([, item]) => item);
}

function formArray<T extends z.ZodType>(item: T) {
  return z.preprocess(indexedObjectToArray, z.array(item));
}

const formInteger = z
  .string()
  .regex(/^-?\d+$/, "must be an integer")
  .transform((text) => Number(text));

const metadata = z
  .record(z.string(), z.string().max(500, "metadata values must be at most 500 characters"))
  .superRefine((value, context) => {
    const keys = Object.keys(value);
    const longKey = keys.find((key) => key.length > 40);
    if (longKey !== undefined) {
      context.addIssue({
        code: "custom",
        input: value,
        message: `metadata keys must be at most 40 characters (${longKey})`,
      });
    }
    if (keys.length > 50)
      context.addIssue({ code: "custom", input: value, message: "metadata can hold at most 50 keys" });
  });

const httpUrl = z
  .string()
  .max(5000)
  .refine((text) => {
    try {
      return ["http:", "https:"].includes(new URL(text).protocol);
    } catch {
      return false;
    }
  }, "Not a valid URL");

const email = z.email("Invalid email address");

function expandable(allowed: readonly string[]) {
  return formArray(
    z.string().refine((field) => allowed.includes(field), {
      error: (issue) =>
        `This property cannot be expanded (${String(issue.input)}). The local emulator expands only: ${allowed.join(", ") || "nothing"}.`,
    }),
  );
}

const lineItem = z.strictObject({
  price: z.never({ error: "the local emulator supports line items with price_data only" }).optional(),
  price_data: z.strictObject({
    currency: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "must be a three-letter ISO currency code")
      .transform((code) => code.toLowerCase()),
    unit_amount: formInteger.pipe(z.number().int().min(0, "must be at least 0").max(99_999_999)),
    product_data: z.strictObject({
      name: z.string().min(1).max(250),
      description: z.string().max(500).optional(),
      metadata: metadata.optional(),
    }),
    tax_behavior: z.enum(["exclusive", "inclusive", "unspecified"]).optional(),
  }),
  quantity: formInteger.pipe(z.number().int().min(1, "must be at least 1").max(999_999)),
});

export const createCheckoutSessionParams = z.strictObject({
  mode: z.literal("payment", "the local emulator supports mode=payment only"),
  line_items: z.preprocess(indexedObjectToArray, z.array(lineItem).min(1, "line_items is required in payment mode")),
  success_url: httpUrl,
  cancel_url: httpUrl.optional(),
  customer_email: email.optional(),
  client_reference_id: z.string().max(200).optional(),
  metadata: metadata.optional(),
  expires_at: formInteger.optional(),
  payment_intent_data: z
    .strictObject({
      metadata: metadata.optional(),
      description: z.string().max(1000).optional(),
      receipt_email: email.optional(),
    })
    .optional(),
  payment_method_types: formArray(z.literal("card", "the local emulator supports card payments only")).optional(),
  locale: z.string().max(10).optional(),
  submit_type: z.enum(["auto", "book", "donate", "pay"]).optional(),
  expand: expandable(["payment_intent"]).optional(),
});
export type CreateCheckoutSessionParams = z.infer<typeof createCheckoutSessionParams>;
export type CheckoutLineItemParams = z.infer<typeof lineItem>;

export const retrieveCheckoutSessionParams = z.strictObject({ expand: expandable(["payment_intent"]).optional() });
export const expireCheckoutSessionParams = retrieveCheckoutSessionParams;
export const retrievePaymentIntentParams = z.strictObject({ expand: expandable([]).optional() });
export const retrieveEventParams = retrievePaymentIntentParams;
export const retrieveRefundParams = z.strictObject({ expand: expandable(["payment_intent"]).optional() });

export const createRefundParams = z
  .strictObject({
    payment_intent: z.string().optional(),
    charge: z.string().optional(),
    amount: formInteger.pipe(z.number().int().min(1, "must be at least 1")).optional(),
    metadata: metadata.optional(),
    reason: z.enum(["duplicate", "fraudulent", "requested_by_customer"]).optional(),
    expand: expandable(["payment_intent"]).optional(),
  })
  .refine((params) => (params.payment_intent === undefined) !== (params.charge === undefined), {
    message: "You must provide either a charge or a payment_intent (not both).",
  });
export type CreateRefundParams = z.infer<typeof createRefundParams>;

/** What the hosted checkout page's Pay form posts. */
export const payCheckoutFormParams = z.object({ email: email.optional() });

function toBracketName(path: readonly PropertyKey[]): string {
  const [head, ...rest] = path.map(String);
  return (head ?? "") + rest.map((segment) => `[${segment}]`).join("");
}

/** Validates parsed form parameters, turning the first problem into Stripe's error wording. */
export function parseParams<T extends z.ZodType>(schema: T, params: FormObject): z.infer<T> {
  const result = schema.safeParse(params, { reportInput: true });
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw invalidRequest("Invalid request");
  if (issue.code === "unrecognized_keys") {
    const param = toBracketName([...issue.path, issue.keys[0] ?? ""]);
    throw invalidRequest(`Received unknown parameter: ${param}`, param, "parameter_unknown");
  }
  if (issue.path.length === 0) throw invalidRequest(issue.message);
  const param = toBracketName(issue.path);
  // With reportInput, only a parameter that was not sent at all has no input.
  if (issue.input === undefined) {
    throw invalidRequest(`Missing required param: ${param}.`, param, "parameter_missing");
  }
  throw invalidRequest(`Invalid ${param}: ${issue.message}`, param, "parameter_invalid");
}
