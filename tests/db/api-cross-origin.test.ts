// Generated from the route files: every POST route handler under app/api refuses a POST a browser
// sent from another site (the Origin check in lib/http/api-error.ts apiHandler) with 403, before it
// reads the session or the body. A new POST route is checked without being added anywhere.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { getEnv } from "@/lib/env";
import { ENGINE } from "../support/db-setup";

// Auth.js itself does not load outside Next's bundler; its handlers stand in untouched, since the
// refusal must come before them.
vi.mock("@/lib/auth/auth", () => ({
  handlers: { GET: () => new Response(null), POST: () => new Response(null) },
  auth: () => null,
  signIn: () => null,
  signOut: () => null,
}));

const API = path.join(process.cwd(), "app", "api");

// POST handlers that need no Origin check, and why. (None today: Stripe's webhook refuses a request
// carrying an Origin, which Stripe never sends, and the catch-all 404 goes through apiHandler.)
const EXEMPT: Record<string, string> = {};

const routeOf = (file: string) => `/api/${path.relative(API, path.dirname(file)).split(path.sep).join("/")}`;

const postRoutes = readdirSync(API, { withFileTypes: true, recursive: true })
  .filter((entry) => entry.isFile() && entry.name === "route.ts")
  .map((entry) => path.join(entry.parentPath, entry.name))
  .filter((file) => /export (const|async function) POST\b|as POST\b/.test(readFileSync(file, "utf8")))
  .map((file) => ({ file, route: routeOf(file) }));

/** A URL for the route, with a placeholder in each dynamic segment. */
const urlOf = (route: string) =>
  new URL(route.replace(/\[\.\.\.\w+\]/g, "signout").replace(/\[\w+\]/g, "some-id"), getEnv().APP_URL);

describe(`cross-site POSTs (${ENGINE})`, () => {
  it("finds the POST routes", () => {
    expect(postRoutes.map(({ route }) => route)).toEqual(
      expect.arrayContaining(["/api/bookings", "/api/bookings/[id]/cancel", "/api/bookings/[id]/reschedule"]),
    );
  });

  it.each(postRoutes.filter(({ route }) => !(route in EXEMPT)).map(({ file, route }) => [route, file]))(
    "POST %s answers 403 to another origin",
    async (_route, file) => {
      const route = routeOf(file);
      const routeModule = (await import(/* @vite-ignore */ file)) as {
        POST: (request: Request, context: unknown) => Promise<Response>;
      };
      const request = new Request(urlOf(route), {
        method: "POST",
        headers: { origin: "https://evil.example", "content-type": "application/json" },
        body: "{}",
      });
      const params = Promise.resolve({ id: "some-id", nextauth: ["signout"], path: ["x"] });
      const response = await routeModule.POST(request, { params });
      expect(response.status).toBe(403);
      expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
    },
  );
});
