// HTTP as a client of the deployed app sees it: every request timed and bounded by a time limit of
// our own (no answer within it counts as status 0), and clients signed in through Auth.js's own
// credentials endpoint (CSRF token, then the form post), as a browser would over plain HTTP.
import type { Answer } from "./report";

export interface TimedAnswer extends Answer {
  /** The parsed JSON body, when there was one. */
  body: unknown;
  retryAfter: string | null;
  /** Why there was no answer (status 0). */
  failure?: string;
  origin: string;
}

export interface RequestOptions {
  method?: "GET" | "POST";
  cookie?: string;
  json?: unknown;
  timeoutMs: number;
}

export async function timedRequest(origin: string, path: string, options: RequestOptions): Promise<TimedAnswer> {
  const started = performance.now();
  try {
    const response = await fetch(`${origin}${path}`, {
      method: options.method ?? "GET",
      headers: {
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.json !== undefined ? { "content-type": "application/json" } : {}),
      },
      body: options.json !== undefined ? JSON.stringify(options.json) : undefined,
      redirect: "manual",
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // Not JSON (a page, or nothing): kept as text.
    }
    return {
      status: response.status,
      ms: performance.now() - started,
      body,
      retryAfter: response.headers.get("retry-after"),
      origin,
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    const failure = error instanceof Error && error.name === "TimeoutError" ? "timeout" : (cause ?? String(error));
    return { status: 0, ms: performance.now() - started, body: null, retryAfter: null, failure, origin };
  }
}

/** The error code of a JSON API error answer ({ error: { code } }), if any. */
export function errorCodeOf(answer: Pick<TimedAnswer, "body">): string | undefined {
  const body = answer.body as { error?: { code?: unknown } } | null;
  return typeof body?.error?.code === "string" ? body.error.code : undefined;
}

/** A 503 as the contract has it: Retry-After and { error: { code: "unavailable" } }. */
export function isHonest503(answer: TimedAnswer): boolean {
  return answer.status === 503 && answer.retryAfter !== null && errorCodeOf(answer) === "unavailable";
}

function cookieHeader(setCookies: string[]): string {
  return setCookies.map((cookie) => cookie.split(";")[0]).join("; ");
}

/** Signs a client in through Auth.js's credentials endpoint; returns the session cookie to send. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`, { signal: AbortSignal.timeout(15_000) });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      cookie: cookieHeader(csrf.headers.getSetCookie()),
    },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${origin}/account` }),
    signal: AbortSignal.timeout(15_000),
  });
  await response.arrayBuffer();
  const session = response.headers.getSetCookie().filter((cookie) => /session-token=/.test(cookie));
  if (session.length === 0) throw new Error(`sign-in of ${email} on ${origin} failed (${response.status})`);
  return cookieHeader(session);
}

export interface BookingAnswer extends TimedAnswer {
  bookingId?: string;
  checkoutUrl?: string | null;
}

/** POST /api/bookings for one client, with the booking id and checkout URL picked out of a 2xx. */
export async function postBooking(
  origin: string,
  cookie: string,
  request: { service: string; therapist: string; start: string; intake: unknown },
  timeoutMs: number,
): Promise<BookingAnswer> {
  const answer = await timedRequest(origin, "/api/bookings", { method: "POST", cookie, json: request, timeoutMs });
  const body = answer.body as { booking?: { id?: string }; checkoutUrl?: string | null } | null;
  return { ...answer, bookingId: body?.booking?.id, checkoutUrl: body?.checkoutUrl };
}

/** The checkout session id at the end of a checkout URL (…/checkout/cs_test_…). */
export function sessionIdOfCheckoutUrl(url: string): string {
  return new URL(url).pathname.split("/").pop() ?? "";
}
