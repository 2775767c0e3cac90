// REQUIRE_STAFF_MFA on every staff entry point (issue #16 point 1). Pages and Server Actions were
// closed to staff without two-factor sign-in, and GET /api/bookings?day and the report CSV too, but
// POST /api/bookings/:id/cancel and /reschedule acted with staff rights: an admin without two-factor
// cancelled and refunded a client's visit. Now requireApiUser is the one gate. This test is generated
// from the route files: every route that asks for a signed-in user answers 401 to nobody and 403 to a
// staff member who has not set up two-factor sign-in, and changes nothing; once they have, it opens.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ENGINE } from "../support/db-setup";
import { bookingData, createService, createTherapist, createUser } from "../support/factories";
import { sessionCookieFor } from "../support/session-cookie";

let requestHeaders = new Headers();

vi.mock("next/headers", () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, has: () => false }),
}));

vi.mock("@/lib/env", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/env")>();
  return { ...original, getEnv: () => ({ ...original.getEnv(), REQUIRE_STAFF_MFA: true }) };
});

const API_DIR = path.join(process.cwd(), "app", "api");
// Auth.js's own handler (sign-in itself) and Stripe's webhook take no session.
const NOT_SESSION_ROUTES = new Set(["auth/[...nextauth]", "webhooks/stripe"]);
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(API_DIR, dir)] : [];
  });
}

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

async function handlersOf(route: string): Promise<{ method: (typeof METHODS)[number]; handler: Handler }[]> {
  const routeModule = (await import(`@/app/api/${route}/route`)) as Partial<Record<string, Handler>>;
  return METHODS.flatMap((method) => {
    const handler = routeModule[method];
    return handler ? [{ method, handler }] : [];
  });
}

async function signInAs(userId: string, email: string) {
  requestHeaders = new Headers({ cookie: await sessionCookieFor({ id: userId, email }) });
}

function call(route: string, method: string, handler: Handler, bookingId: string, query = "") {
  const url = `${getEnv().APP_URL}/api/${route.replace("[id]", bookingId).replace("[...path]", "nowhere")}${query}`;
  const body =
    method === "GET" || method === "DELETE" ? undefined : JSON.stringify({ start: new Date().toISOString() });
  const request = new Request(url, {
    method,
    body,
    headers: { ...Object.fromEntries(requestHeaders), "content-type": "application/json", origin: getEnv().APP_URL },
  });
  return handler(request, { params: Promise.resolve({ id: bookingId, path: ["nowhere"] }) });
}

beforeEach(() => {
  requestHeaders = new Headers();
});

describe(`security: REQUIRE_STAFF_MFA on every API route (${ENGINE})`, () => {
  it("lists the routes this test walks", () => {
    const routes = routeFiles();
    expect(routes).toEqual(expect.arrayContaining(["bookings/[id]/cancel", "bookings/[id]/reschedule"]));
  });

  it("refuses every signed-in route to staff without two-factor, changing nothing, and opens once they have it", async () => {
    const therapist = await createTherapist();
    const service = await createService();
    const client = await createUser();
    const booking = await prisma.booking.create({
      data: bookingData({
        clientId: client.id,
        therapistId: therapist.id,
        service,
        startsAt: new Date(Date.now() + 5 * 86_400_000),
      }),
    });
    const admin = await createUser({ role: "ADMIN" });
    const walked: string[] = [];

    // A route that reads the signed-in user goes through requireApiUser; public ones (services,
    // availability, health, /api/me, which answers null to nobody) do not and are left out.
    const signedInRoutes = routeFiles().filter(
      (route) =>
        !NOT_SESSION_ROUTES.has(route) &&
        readFileSync(path.join(API_DIR, route, "route.ts"), "utf8").includes("requireApiUser("),
    );
    for (const route of signedInRoutes) {
      for (const { method, handler } of await handlersOf(route)) {
        requestHeaders = new Headers();
        const anonymous = await call(route, method, handler, booking.id);
        expect(anonymous.status, `${method} /api/${route} without a session`).toBe(401);
        walked.push(`${method} /api/${route}`);
        await signInAs(admin.id, admin.email);
        const refused = await call(route, method, handler, booking.id, route === "bookings" ? "?day=2026-12-01" : "");
        expect(refused.status, `${method} /api/${route}`).toBe(403);
        expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("forbidden");
      }
    }
    expect(walked).toEqual(
      expect.arrayContaining([
        "POST /api/bookings/[id]/cancel",
        "POST /api/bookings/[id]/reschedule",
        "GET /api/staff/reports/csv",
      ]),
    );
    const after = await prisma.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(after.status).toBe("CONFIRMED");
    expect(after.startsAt).toEqual(booking.startsAt);
    expect(await prisma.auditLog.count({ where: { entityId: booking.id } })).toBe(0);

    // Enrolled: the same admin is let through the gate (the cancel route then does its work).
    await prisma.user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date() } });
    await signInAs(admin.id, admin.email);
    const { handler } = (await handlersOf("bookings/[id]/cancel")).find((entry) => entry.method === "POST")!;
    const cancelled = await call("bookings/[id]/cancel", "POST", handler, booking.id);
    expect(cancelled.status).toBe(200);
  });

  it("leaves clients alone: the gate is for staff", async () => {
    const client = await createUser();
    await signInAs(client.id, client.email);
    const { handler } = (await handlersOf("bookings")).find((entry) => entry.method === "GET")!;
    expect((await call("bookings", "GET", handler, "none")).status).toBe(200);
  });
});
