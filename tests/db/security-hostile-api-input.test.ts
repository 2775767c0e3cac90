// Bad input to every API route (issue #16 point 9). Generated from the route files: each route and
// method gets every bad input class of tests/support/hostile-inputs.ts in every place it reads one
// (the query parameters it reads, its path segments, each field of its JSON body, and the body as a
// whole), signed in as an admin so the request gets past the guards to the parsing. Each answer is
// a 4xx (a value the route does not read may be ignored, but never a 5xx), no row is written, and
// nothing is logged as an unhandled error. A new route is walked without being added here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { ENGINE } from "../support/db-setup";
import { countRows, createHostileScenario } from "../support/hostile-scenario";
import { sessionCookieFor } from "../support/session-cookie";
import { HOSTILE_VALUES, NEVER_VALID, type HostileValue } from "../support/hostile-inputs";

let requestHeaders = new Headers();

vi.mock("next/headers", () => ({
  headers: async () => requestHeaders,
  cookies: async () => ({ get: () => undefined, getAll: () => [], set: () => undefined, has: () => false }),
}));

// Outside a Next.js server there is no cache for the catalogue to read through.
vi.mock("next/cache", () => ({
  revalidatePath: () => undefined,
  revalidateTag: () => undefined,
  unstable_cache: <F>(read: F) => read,
}));

const API_DIR = path.join(process.cwd(), "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Method = (typeof METHODS)[number];

// Routes left out, and why.
const EXEMPT: Record<string, string> = {
  "auth/[...nextauth]":
    "Auth.js's own handler, which does not load outside Next's bundler; sign-in goes through Server Actions",
};

type Handler = (request: Request, context: { params: Promise<Record<string, unknown>> }) => Promise<Response>;

interface Route {
  route: string;
  /** Query parameters the route reads (searchParams.get/has/getAll("…")). */
  query: string[];
  /** Dynamic segments: [id] → id, [...path] → path (catch-all). */
  segments: { name: string; catchAll: boolean }[];
  /** Fields of the JSON body it parses (the keys of its zod object), when it reads a body. */
  bodyFields: string[] | null;
}

function routeFiles(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [path.relative(API_DIR, dir).split(path.sep).join("/")] : [];
  });
}

function describeRoute(route: string): Route {
  const source = readFileSync(path.join(API_DIR, route, "route.ts"), "utf8");
  const query = [...source.matchAll(/\.(?:get|has|getAll)\("([\w-]+)"\)/g)].map((match) => match[1]!);
  const segments = [...route.matchAll(/\[(\.\.\.)?(\w+)\]/g)].map((match) => ({
    name: match[2]!,
    catchAll: Boolean(match[1]),
  }));
  const readsBody = /readJsonBody\(|readBodyText\(|request\.(json|text|formData)\(/.test(source);
  const bodyFields = readsBody
    ? [...new Set([...source.matchAll(/^\s+(\w+): (?:z\.|plainText\(|personName\(|intakeSchema)/gm)].map((m) => m[1]!))]
    : null;
  return { route, query: [...new Set(query)], segments, bodyFields };
}

async function handlersOf(route: string): Promise<{ method: Method; handler: Handler }[]> {
  const routeModule = (await import(`@/app/api/${route}/route`)) as Partial<Record<string, Handler>>;
  return METHODS.flatMap((method) => {
    const handler = routeModule[method];
    return handler ? [{ method, handler }] : [];
  });
}

interface Call {
  query?: Record<string, string | string[]>;
  params: Record<string, string | string[]>;
  /** The raw body text, when the method sends one. */
  body?: string;
}

function send(route: Route, method: Method, handler: Handler, call: Call, cookie: string) {
  const pathname = route.route.replace(/\[(\.\.\.)?(\w+)\]/g, (_all, _dots, name: string) => {
    const value = call.params[name] ?? "x";
    return (Array.isArray(value) ? value : [value]).map((one) => encodeURIComponent(one.toWellFormed())).join("/");
  });
  const url = new URL(`/api/${pathname}`, getEnv().APP_URL);
  for (const [name, value] of Object.entries(call.query ?? {})) {
    for (const one of Array.isArray(value) ? value : [value]) url.searchParams.append(name, one);
  }
  const hasBody = method !== "GET" && method !== "DELETE";
  const request = new Request(url, {
    method,
    body: hasBody ? (call.body ?? "{}") : undefined,
    // No Origin, as from an integration: the cross-site refusal is tests/db/api-cross-origin.test.ts's.
    headers: { cookie, "content-type": "application/json" },
  });
  requestHeaders = new Headers(request.headers);
  return handler(request, { params: Promise.resolve(call.params) });
}

const asText = (value: HostileValue) => value.text;
const asSegment = (value: HostileValue, catchAll: boolean) =>
  catchAll
    ? Array.isArray(value.text)
      ? value.text
      : [value.text]
    : Array.isArray(value.text)
      ? value.text.join("/")
      : value.text;

const routes = routeFiles()
  .filter((route) => !(route in EXEMPT))
  .map(describeRoute);

let bookingId = "";
let cookie = "";
let consoleErrors: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  const { admin, booking } = await createHostileScenario();
  bookingId = booking.id;
  cookie = await sessionCookieFor(admin);
});

beforeEach(() => {
  consoleErrors = vi.spyOn(console, "error");
});

afterEach(() => {
  expect(consoleErrors, "nothing is logged as an unhandled error").not.toHaveBeenCalled();
  consoleErrors.mockRestore();
});

describe(`bad input to every API route (${ENGINE})`, () => {
  it("walks the routes, with what each reads", () => {
    const byName = Object.fromEntries(routes.map((route) => [route.route, route]));
    expect(byName["availability"]?.query).toEqual(expect.arrayContaining(["service", "from", "to", "therapist"]));
    expect(byName["bookings"]?.bodyFields).toEqual(expect.arrayContaining(["service", "start", "intake"]));
    expect(byName["bookings/[id]/cancel"]?.bodyFields).toEqual(expect.arrayContaining(["reason"]));
    expect(byName["bookings/[id]/reschedule"]?.segments).toEqual([{ name: "id", catchAll: false }]);
    expect(byName["webhooks/stripe"]?.bodyFields).toEqual([]);
  });

  describe.each(routes.map((route) => [route.route, route] as const))("/api/%s", (_name, route) => {
    it.each(HOSTILE_VALUES.map((value) => [value.name, value] as const))(
      "answers %s in every place it reads input with a 4xx, writing nothing",
      async (_valueName, value) => {
        const before = await countRows();
        const readsInput = route.query.length > 0 || route.segments.length > 0;
        for (const { method, handler } of await handlersOf(route.route)) {
          const sendsBody = method !== "GET" && method !== "DELETE";
          // Everything the route reads at once; a route that reads nothing gets it as an unknown parameter.
          const everywhere: Call = {
            query: Object.fromEntries((route.query.length ? route.query : ["q"]).map((name) => [name, asText(value)])),
            params: Object.fromEntries(route.segments.map(({ name, catchAll }) => [name, asSegment(value, catchAll)])),
            body: JSON.stringify(Object.fromEntries((route.bodyFields ?? []).map((field) => [field, value.json]))),
          };
          const response = await send(route, method, handler, everywhere, cookie);
          const label = `${method} /api/${route.route} with ${value.name} everywhere`;
          expect(response.status, label).toBeLessThan(500);
          // An empty value may mean "not given" (a report's default period); anything else is refused.
          if (value.name !== "an empty string" && (readsInput || (sendsBody && route.bodyFields !== null))) {
            expect(response.status, label).toBeGreaterThanOrEqual(400);
          }

          // In the body alone, next to a real booking: the body as a whole, then one field at a time;
          // only values no field accepts, since an SQL string is a fine cancellation reason.
          if (!sendsBody || route.bodyFields === null || !NEVER_VALID.includes(value)) continue;
          const real: Call = {
            params: Object.fromEntries(route.segments.map(({ name }) => [name, bookingId])),
          };
          const isObject = typeof value.json === "object" && value.json !== null && !Array.isArray(value.json);
          const bodies = [
            // An object with unknown keys is an empty request to a route whose fields are optional.
            ...(isObject ? [] : [JSON.stringify(value.json)]),
            ...route.bodyFields.map((field) => JSON.stringify({ [field]: value.json })),
          ];
          for (const body of bodies) {
            const answer = await send(route, method, handler, { ...real, body }, cookie);
            const bodyLabel = `${method} /api/${route.route} with body ${body.slice(0, 60)}`;
            expect(answer.status, bodyLabel).toBeGreaterThanOrEqual(400);
            expect(answer.status, bodyLabel).toBeLessThan(500);
          }
        }
        expect(await countRows()).toEqual(before);
        const booking = await prisma.booking.findUniqueOrThrow({ where: { id: bookingId } });
        expect(booking.status).toBe("CONFIRMED");
      },
    );

    it.runIf(route.bodyFields !== null)("answers an empty, a huge and a non-JSON body with a 4xx", async () => {
      const before = await countRows();
      const real: Call = { params: Object.fromEntries(route.segments.map(({ name }) => [name, bookingId])) };
      for (const { method, handler } of await handlersOf(route.route)) {
        if (method === "GET" || method === "DELETE") continue;
        for (const body of ["", "   ", "{", "[]", "null", `{"a":"${"x".repeat(2_000_000)}"}`, "\u0000"]) {
          const answer = await send(route, method, handler, { ...real, body }, cookie);
          expect(answer.status, `${method} /api/${route.route} with body ${body.slice(0, 20)}`).toBeGreaterThanOrEqual(
            400,
          );
          expect(answer.status, `${method} /api/${route.route} with body ${body.slice(0, 20)}`).toBeLessThan(500);
        }
      }
      expect(await countRows()).toEqual(before);
    });
  });
});
