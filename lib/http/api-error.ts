// One error type for the JSON API, mapped to HTTP status in one place. A database that cannot serve
// the request (unreachable, pool exhausted, a timeout) becomes a 503 with Retry-After; anything else
// thrown in a handler becomes a generic 500 with no message or stack trace in the response.
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import { getEnv } from "@/lib/env";
import { DomainError, type DomainErrorKind } from "@/lib/errors/domain-errors";
import { hasHiddenCharacters } from "@/lib/forms/text";
import { noteDatabaseUnavailable, RETRY_AFTER_SECONDS, UNAVAILABLE_MESSAGE } from "./unavailable";

const STATUS = {
  invalid_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  unavailable: 503,
} as const;

export type ApiErrorCode = keyof typeof STATUS;

// The one place a domain error becomes an HTTP answer.
const DOMAIN_ERROR_CODE: Record<DomainErrorKind, ApiErrorCode> = {
  not_found: "not_found",
  slot_taken: "conflict",
  invalid_transition: "conflict",
  intake_blocked: "unprocessable",
  unprocessable: "unprocessable",
  payments_unavailable: "unavailable",
};

/** The API error a domain error stands for. */
export function apiErrorFromDomain(error: DomainError): ApiError {
  return new ApiError(DOMAIN_ERROR_CODE[error.kind], error.message, error.fields);
}

export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code];
  }
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof DomainError) return errorResponse(apiErrorFromDomain(error));
  if (error instanceof ApiError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
      {
        status: error.status,
        // A dependency is down or saturated: clients and proxies may try again after a pause.
        ...(error.code === "unavailable" ? { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } } : {}),
      },
    );
  }
  if (noteDatabaseUnavailable(error)) return errorResponse(new ApiError("unavailable", UNAVAILABLE_MESSAGE));
  if (error instanceof ZodError) {
    const fields: Record<string, string[]> = {};
    for (const issue of error.issues) (fields[issue.path.join(".") || "_"] ??= []).push(issue.message);
    return NextResponse.json(
      { error: { code: "invalid_request", message: "Some fields are not valid.", fields } },
      { status: 400 },
    );
  }
  console.error("[api] unhandled error", error);
  return NextResponse.json(
    { error: { code: "internal", message: "Something went wrong on our side." } },
    { status: 500 },
  );
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * A state-changing request sent by a browser from another origin is refused (CSRF): browsers send
 * Origin on every such request, so one that names another site is not ours. Requests with no
 * Origin (server-to-server integrations) carry no ambient cookies of a victim and pass.
 */
export function assertSameOrigin(request: Request, appUrl: string): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== new URL(appUrl).origin) {
    throw new ApiError("forbidden", "Cross-site requests are not accepted.");
  }
}

/**
 * No query parameter or path segment (an id, a slug) carries a control or hidden character: no
 * record has one, and PostgreSQL refuses a NUL in any text, which was a 500 for a lookup such as
 * GET /api/bookings/%00. Checked once here, so every route handler answers 400 instead.
 */
export async function assertPlainAddress(request: Request, context: unknown): Promise<void> {
  const values: unknown[] = [...new URL(request.url).searchParams.values()];
  const params = (context as { params?: unknown } | undefined)?.params;
  if (params) values.push(...Object.values((await params) as Record<string, unknown>).flat());
  if (values.some((value) => typeof value === "string" && hasHiddenCharacters(value))) {
    throw new ApiError("invalid_request", "The address contains control or hidden characters.");
  }
}

/** Wraps a route handler so every failure leaves through errorResponse, after the origin check. */
export function apiHandler<Args extends unknown[]>(
  handler: (...args: Args) => Promise<Response>,
): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      if (args[0] instanceof Request) {
        assertSameOrigin(args[0], getEnv().APP_URL);
        await assertPlainAddress(args[0], args[1]);
      }
      return await handler(...args);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
