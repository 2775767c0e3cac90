// The one list the client access tests are generated from: every client-facing route that takes
// the id of a booking, payment, receipt or user, and every signed-in client route. Pure data,
// imported by the Playwright spec as well as the tests; CLIENT_ROUTES says which tests use it.

/** What the id names: a booking (also its receipt), a Stripe Checkout session, or nothing (the signed-in account). */
export type ClientRouteTarget = "booking" | "receipt" | "checkout-session" | "own-account";

export interface ClientRoute {
  kind: "page" | "action" | "api";
  target: ClientRouteTarget;
  /** Where the request carries the id: the path ("[id]"), a query parameter, or a form field. */
  idIn?: "path" | `query:${string}` | `form:${string}`;
  /** Server Actions: the domain function that fetches the record scoped to the client. */
  domain?: string;
  /**
   * Pages under a loading.tsx stream their frame before the page decides, so a foreign id shows the
   * not-found page with status 200 (and noindex) rather than a 404 status.
   */
  streamed?: true;
}

// Every client-facing page, Server Action and API route that takes the id of a booking, a payment
// (a checkout session), a receipt or a user, and every client Server Action and signed-in API route
// at all. Each record is fetched scoped to the signed-in client, so another client's id is the same
// 404 as an id that does not exist.
//  - tests/unit/client-routes.test.ts fails when a page with a dynamic segment, an exported Server
//    Action or a signed-in API route under app/(account), app/(site)/book or app/api is not here;
//  - e2e/account-access.spec.ts signs in as another client and expects 404 from every page and API
//    entry that takes an id;
//  - tests/db/client-access.test.ts calls the domain function behind every Server Action entry that
//    takes an id with another client as the actor, and expects NotFound.
export const CLIENT_ROUTES = {
  // Pages.
  "/account/bookings/[id]": { kind: "page", target: "booking", idIn: "path" },
  "/account/bookings/[id]/receipt": { kind: "page", target: "receipt", idIn: "path" },
  "/book?booking=[id]&cancelled=1": { kind: "page", target: "booking", idIn: "query:booking" },
  "/book/checkout-cancelled?booking=[id]": {
    kind: "page",
    target: "booking",
    idIn: "query:booking",
  },
  "/account/messages": { kind: "page", target: "own-account" },
  "/book/confirmed?session_id=[sessionId]": {
    kind: "page",
    target: "checkout-session",
    idIn: "query:session_id",
  },

  // Server Actions.
  "action:cancelBookingAction": {
    kind: "action",
    target: "booking",
    idIn: "form:bookingId",
    domain: "cancelBooking",
  },
  "action:rescheduleBookingAction": {
    kind: "action",
    target: "booking",
    idIn: "form:bookingId",
    domain: "rescheduleBooking",
  },
  "action:payForBookingAction": { kind: "action", target: "own-account" },
  "action:recordScreeningStopAction": { kind: "action", target: "own-account" },
  "action:deleteAccountAction": { kind: "action", target: "own-account" },
  "action:updateProfileAction": { kind: "action", target: "own-account" },
  "action:requestEmailChangeAction": { kind: "action", target: "own-account" },
  "action:changePasswordAction": { kind: "action", target: "own-account" },
  "action:signOutEverywhereAction": { kind: "action", target: "own-account" },
  "action:resendVerificationAction": { kind: "action", target: "own-account" },

  // API routes.
  "GET /api/bookings": { kind: "api", target: "own-account" },
  "POST /api/bookings": { kind: "api", target: "own-account" },
  "GET /api/bookings/[id]": { kind: "api", target: "booking", idIn: "path" },
  "GET /api/bookings/[id]/ics": { kind: "api", target: "booking", idIn: "path" },
  "POST /api/bookings/[id]/cancel": { kind: "api", target: "booking", idIn: "path" },
  "POST /api/bookings/[id]/reschedule": { kind: "api", target: "booking", idIn: "path" },
  "GET /api/account/export": { kind: "api", target: "own-account" },
  "GET /api/me": { kind: "api", target: "own-account" },
} as const satisfies Record<string, ClientRoute>;

export type ClientRouteKey = keyof typeof CLIENT_ROUTES;

/** The entries another client must get a 404 from, with the id put in ("[id]", "[sessionId]"). */
export function foreignIdRequests(ids: { bookingId: string; checkoutSessionId: string }) {
  return (Object.entries(CLIENT_ROUTES) as [ClientRouteKey, ClientRoute][])
    .filter(([, route]) => route.kind !== "action" && route.target !== "own-account")
    .map(([key, route]) => {
      const [method, pattern] = route.kind === "api" ? (key.split(" ") as [string, string]) : ["GET", key];
      const url = pattern
        .replace("[id]", encodeURIComponent(ids.bookingId))
        .replace("[sessionId]", encodeURIComponent(ids.checkoutSessionId));
      return { key, kind: route.kind, method, url, streamed: route.streamed === true };
    });
}
