// Errors in Stripe's wire shape ({ error: { type, message, param?, code? } }), so the official SDK
// raises the same typed errors (StripeInvalidRequestError, StripeIdempotencyError, …) it would
// raise against Stripe.

export type StripeErrorType = "invalid_request_error" | "idempotency_error" | "api_error";

export class EmulatorError extends Error {
  override name = "EmulatorError";

  constructor(
    readonly status: number,
    readonly type: StripeErrorType,
    message: string,
    readonly details: { param?: string; code?: string } = {},
  ) {
    super(message);
  }

  toBody(): { error: { type: StripeErrorType; message: string; param?: string; code?: string } } {
    return { error: { type: this.type, message: this.message, ...this.details } };
  }
}

export function invalidRequest(message: string, param?: string, code?: string): EmulatorError {
  return new EmulatorError(400, "invalid_request_error", message, {
    ...(param === undefined ? {} : { param }),
    ...(code === undefined ? {} : { code }),
  });
}

/** Retrieving an unknown id is a 404 in Stripe; naming one in a parameter is a 400. */
export function missingResource(objectName: string, id: string, param = "id", status = 404): EmulatorError {
  return new EmulatorError(status, "invalid_request_error", `No such ${objectName}: '${id}'`, {
    param,
    code: "resource_missing",
  });
}
