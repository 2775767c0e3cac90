// Security headers, cross-origin refusals and hostile addresses on every route of the production
// server (issue #16 points 9 and 11). The routes are read from the app/ folder and the Server Actions
// from the build's manifest, so a new page, route handler or action is covered without being added.
import { readdirSync, readFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import path from "node:path";
import type { APIRequestContext, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, signIn } from "./helpers";

const APP_DIR = path.join(process.cwd(), "app");
const ORIGIN = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3210)}`;

interface AppRoute {
  /** As in the folder, without route groups: /staff/appointments/[id]. */
  pattern: string;
  file: string;
}

/** Every page.tsx or route.ts under app/, as the address it serves. */
function appRoutes(fileName: "page.tsx" | "route.ts"): AppRoute[] {
  return readdirSync(APP_DIR, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === fileName)
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      const segments = path
        .relative(APP_DIR, entry.parentPath)
        .split(path.sep)
        .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment));
      return { pattern: `/${segments.join("/")}`, file };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

const PAGES = appRoutes("page.tsx");
const API_ROUTES = appRoutes("route.ts");

/** The address with each dynamic segment ([id], [...path]) replaced by `value`. */
const addressOf = (pattern: string, value: string) => pattern.replace(/\[(?:\.\.\.)?\w+\]/g, encodeURIComponent(value));

// Pages only a signed-in person sees, whose answers must never be stored by a browser or proxy.
const isPrivate = (pattern: string) => /^\/(account|staff)(\/|$)/.test(pattern);

/** The Server Actions of the build: each id with one page that serves it. */
function serverActions(): { id: string; name: string; page: string }[] {
  const manifest = JSON.parse(
    readFileSync(path.join(process.cwd(), ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { workers: Record<string, unknown>; exportedName?: string }> };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers)[0] ?? "app/page";
    const pattern = `/${worker
      .replace(/^app\//, "")
      .replace(/\/?page$/, "")
      .split("/")
      .filter((segment) => segment !== "" && !/^\(.*\)$/.test(segment))
      .join("/")}`;
    return { id, name: entry.exportedName ?? id, page: addressOf(pattern, "no-such-record") };
  });
}

function expectSecurityHeaders(headers: Record<string, string>, label: string) {
  expect(headers["strict-transport-security"], label).toMatch(/max-age=\d{7,}/);
  expect(headers["content-security-policy"], label).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["referrer-policy"], label).toMatch(/^(no-referrer|strict-origin-when-cross-origin|same-origin)$/);
}

/** A raw POST, so the Origin header goes out exactly as given (empty, or not at all when undefined). */
function rawPost(
  address: string,
  headers: Record<string, string>,
  origin: string | undefined,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${ORIGIN}${address}`, {
      method: "POST",
      headers: { ...headers, ...(origin === undefined ? {} : { origin }), "content-length": Buffer.byteLength(body) },
    });
    request.on("response", (response) => {
      let text = "";
      response.on("data", (chunk: Buffer) => (text += chunk.toString()));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
}

async function getWithoutRedirect(request: APIRequestContext, address: string) {
  return request.get(address, { maxRedirects: 0, failOnStatusCode: false });
}

test.describe("security headers and cross-origin refusals @security", () => {
  test.describe.configure({ timeout: 240_000 });

  test("lists the routes it walks", () => {
    expect(PAGES.map(({ pattern }) => pattern)).toEqual(
      expect.arrayContaining(["/", "/account", "/staff", "/staff/clients", "/services/[slug]"]),
    );
    expect(API_ROUTES.map(({ pattern }) => pattern)).toEqual(
      expect.arrayContaining(["/api/bookings", "/api/bookings/[id]/cancel", "/api/webhooks/stripe"]),
    );
    expect(serverActions().map(({ name }) => name)).toEqual(
      expect.arrayContaining(["signInAction", "cancelBookingAction", "saveTreatmentNoteAction"]),
    );
  });

  test("every page and API route sends the security headers, signed out", async ({ request }) => {
    for (const { pattern } of [...PAGES, ...API_ROUTES]) {
      const address = addressOf(pattern, "no-such-record");
      const response = await getWithoutRedirect(request, address);
      expect(response.status(), `GET ${address}`).toBeLessThan(500);
      expectSecurityHeaders(response.headers(), `GET ${address}`);
    }
  });

  test("private pages and personal API answers are never stored, for staff and clients", async ({ page, browser }) => {
    await signIn(page, "admin@clinic.test", DEMO_PASSWORD, /\/staff$/);
    const clientContext = await browser.newContext({ baseURL: ORIGIN });
    const clientPage = await clientContext.newPage();
    await signIn(clientPage, "client@clinic.test", DEMO_PASSWORD);
    const bookings = (await (await clientPage.request.get("/api/bookings")).json()) as { bookings: { id: string }[] };
    const bookingId = bookings.bookings[0]?.id ?? "no-such-record";

    for (const { pattern } of PAGES.filter(({ pattern }) => isPrivate(pattern))) {
      const request = pattern.startsWith("/staff") ? page.request : clientPage.request;
      const address = addressOf(pattern, pattern.startsWith("/account/bookings") ? bookingId : "no-such-record");
      const response = await getWithoutRedirect(request, address);
      expect(response.status(), `GET ${address}`).toBeLessThan(500);
      expectSecurityHeaders(response.headers(), `GET ${address}`);
      expect(response.headers()["cache-control"], `GET ${address}`).toContain("no-store");
    }
    // Every API route that reads who is asking answers with no-store.
    for (const { pattern, file } of API_ROUTES) {
      if (!/requireApiUser\(|getCurrentUser\(/.test(readFileSync(file, "utf8"))) continue;
      const address = addressOf(pattern, bookingId);
      const request = pattern.startsWith("/api/staff") ? page.request : clientPage.request;
      const response = await getWithoutRedirect(request, address);
      if (response.status() === 405) continue; // POST only: its answers are checked through the API tests
      expect(response.status(), `GET ${address}`).toBeLessThan(400);
      expect(response.headers()["cache-control"], `GET ${address}`).toContain("no-store");
    }
    await clientContext.close();
  });

  // A request with no Origin at all is an integration's (no browser omits it on a POST), which
  // carries no victim's cookies: lib/http/api-error.ts assertSameOrigin lets it through.
  test('a POST from another origin, or with an empty or "null" Origin, to every route handler is refused with 403', async ({
    page,
  }) => {
    await signIn(page, "client@clinic.test", DEMO_PASSWORD);
    const cookie = await cookieHeader(page);
    // Routes with a POST handler (a GET-only route answers 405 to any POST).
    const postRoutes = API_ROUTES.filter(({ file }) =>
      /export (const|async function) POST\b|as POST\b/.test(readFileSync(file, "utf8")),
    );
    expect(postRoutes.length).toBeGreaterThan(4);
    for (const { pattern } of postRoutes) {
      const address = addressOf(pattern, "no-such-record");
      for (const origin of ["https://evil.example", "", "null"]) {
        const response = await rawPost(address, { cookie, "content-type": "application/json" }, origin, "{}");
        expect(response.status, `POST ${address} with Origin "${origin}"`).toBe(403);
      }
    }
  });

  test("a Server Action from another origin, an empty or no Origin is refused with 403, never 500", async ({
    page,
  }) => {
    await signIn(page, "admin@clinic.test", DEMO_PASSWORD, /\/staff$/);
    const cookie = await cookieHeader(page);
    const actions = serverActions();
    for (const action of actions) {
      for (const origin of ["https://evil.example", "", "null", undefined]) {
        const headers = {
          cookie,
          "next-action": action.id,
          "content-type": "text/plain;charset=UTF-8",
          accept: "text/x-component",
        };
        const response = await rawPost(action.page, headers, origin, '[{},"$undefined"]');
        expect(response.status, `${action.name} on ${action.page} with Origin ${JSON.stringify(origin)}`).toBe(403);
      }
      // The same form without JavaScript (a multipart POST naming the action) is refused alike.
      const boundary = "----hostile";
      const form = `--${boundary}\r\nContent-Disposition: form-data; name="$ACTION_ID_${action.id}"\r\n\r\n\r\n--${boundary}--\r\n`;
      const multipart = await rawPost(
        action.page,
        { cookie, "content-type": `multipart/form-data; boundary=${boundary}` },
        "https://evil.example",
        form,
      );
      expect(multipart.status, `${action.name} as a plain form from another origin`).toBe(403);
    }
    // From the site's own pages the gate lets actions through: signIn above went through one.
  });

  test("hostile values in every page's address answer 4xx or a page, never 5xx", async ({ page, browser }) => {
    await signIn(page, "admin@clinic.test", DEMO_PASSWORD, /\/staff$/);
    const clientContext = await browser.newContext({ baseURL: ORIGIN });
    const clientPage = await clientContext.newPage();
    await signIn(clientPage, "client@clinic.test", DEMO_PASSWORD);
    const hostile = [
      "\u0000",
      "a\u0000b",
      "\u0007\u001b[31m",
      "abc\u202Etxt",
      "ab\u200Bc",
      "' OR 1=1; --",
      "<script>alert(1)</script>",
      "2026-02-30",
      "9999-99-99T99:99:99Z",
      "../../etc/passwd",
      "x".repeat(3000),
    ];
    // The query parameters the pages read, from their source, with the ones the schedule and booking helpers read.
    const names = new Set([
      "q",
      "client",
      "day",
      "date",
      "service",
      "therapist",
      "start",
      "from",
      "to",
      "booking",
      "with",
    ]);
    for (const { file } of PAGES) {
      for (const match of readFileSync(file, "utf8").matchAll(
        /(?:query|params|searchParams\)?)\.(\w+)|\{ ([\w, :]+) \} = await searchParams/g,
      )) {
        for (const name of (match[1] ?? match[2] ?? "").split(/[,\s]+/))
          if (/^\w+$/.test(name)) names.add(name.replace(/:.*/, ""));
      }
    }
    // Every failure is collected, so one run names them all.
    const failures: string[] = [];
    for (const { pattern } of PAGES) {
      const request = pattern.startsWith("/account") ? clientPage.request : page.request;
      for (const value of hostile) {
        const query = new URLSearchParams([...names].map((name) => [name, value])).toString();
        for (const address of [addressOf(pattern, value), `${addressOf(pattern, "no-such-record")}?${query}`]) {
          const response = await getWithoutRedirect(request, address);
          if (response.status() >= 500)
            failures.push(
              `${response.status()} GET ${pattern} with ${JSON.stringify(value.slice(0, 20))} in ${address.includes("?") ? "the query" : "the path"}`,
            );
        }
      }
    }
    await clientContext.close();
    expect(failures).toEqual([]);
  });
});
