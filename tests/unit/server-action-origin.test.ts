// Server Actions only from the site's own pages (issue #16): the one decision that proxy.ts and
// server.mjs share, as a table, and proxy.ts itself answering a foreign or origin-less action with
// a plain 403 (so `next dev` and `next start` refuse it too, not only `npm start`).
import { NextRequest } from "next/server";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { proxy } from "@/proxy";
import { refusesServerAction, SERVER_ACTION_REFUSAL_MESSAGE } from "@/lib/http/server-action-origin.mjs";

const APP_URL = "https://clinic.example";

function decide(method: string, path: string, headers: Record<string, string>, appUrl: string | undefined = APP_URL) {
  const lower = new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return refusesServerAction({ method, path, header: (name) => lower.get(name), appUrl });
}

const action = { "next-action": "7f3a9c", "content-type": "text/plain;charset=UTF-8", host: "clinic.example" };
const plainForm = { "content-type": "multipart/form-data; boundary=x", host: "clinic.example" };

describe("which Server Action requests are refused", () => {
  it.each([
    ["no Origin", action],
    ["an empty Origin", { ...action, origin: "" }],
    ['the Origin "null"', { ...action, origin: "null" }],
    ["another site's Origin", { ...action, origin: "https://evil.example" }],
    ["an Origin that is not a URL", { ...action, origin: "clinic.example" }],
    ["another port of the same host", { ...action, origin: "https://clinic.example:8443" }],
    ["a plain multipart form from another site", { ...plainForm, origin: "https://evil.example" }],
    [
      "a plain URL-encoded form with no Origin",
      { "content-type": "application/x-www-form-urlencoded", host: "clinic.example" },
    ],
    ["an empty Next-Action header from another site", { ...action, "next-action": "", origin: "https://evil.example" }],
    [
      "a forwarded host that is not the Origin's",
      { ...action, host: "internal:3000", "x-forwarded-host": "clinic.example", origin: "https://evil.example" },
    ],
  ])("refuses %s", (_label, headers) => {
    expect(decide("POST", "/staff/hours/abc", headers)).toBe(true);
  });

  it.each([
    ["APP_URL's Origin", { ...action, origin: APP_URL }, APP_URL],
    [
      "the Origin of the host it was sent to",
      { ...action, host: "127.0.0.1:3710", origin: "http://127.0.0.1:3710" },
      APP_URL,
    ],
    [
      "the Origin of the first forwarded host",
      { ...action, host: "internal:3000", "x-forwarded-host": "clinic.example, proxy", origin: APP_URL },
      undefined,
    ],
    ["a plain form from APP_URL", { ...plainForm, origin: APP_URL }, APP_URL],
  ])("lets through %s", (_label, headers, appUrl) => {
    expect(decide("POST", "/staff/hours/abc", headers, appUrl)).toBe(false);
  });

  it("leaves alone what is not a Server Action: other methods, other bodies, and API routes", () => {
    const foreign = { origin: "https://evil.example" };
    expect(decide("GET", "/staff", { ...action, ...foreign })).toBe(false);
    expect(decide("POST", "/staff", { "content-type": "application/json", ...foreign })).toBe(false);
    expect(decide("POST", "/api/bookings", { ...action, ...foreign })).toBe(false);
  });
});

describe("proxy.ts", () => {
  let appUrl: string | undefined;
  beforeEach(() => {
    appUrl = process.env.APP_URL;
    process.env.APP_URL = APP_URL;
  });
  afterEach(() => {
    if (appUrl === undefined) delete process.env.APP_URL;
    else process.env.APP_URL = appUrl;
  });

  const post = (headers: Record<string, string>) =>
    new NextRequest(`${APP_URL}/staff/hours/abc`, { method: "POST", headers, body: "[]" });

  it.each([
    ["no Origin", undefined],
    ["an empty Origin", ""],
    ['the Origin "null"', "null"],
    ["another site's Origin", "https://evil.example"],
  ])("answers a Server Action with %s with a plain 403", async (_label, origin) => {
    const response = proxy(post({ ...action, ...(origin === undefined ? {} : { origin }) }));
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("x-middleware-next")).toBeNull();
    expect(await response.text()).toBe(SERVER_ACTION_REFUSAL_MESSAGE);
  });

  it("passes the site's own Server Action on to the page, with its script nonce", () => {
    const response = proxy(post({ ...action, origin: APP_URL }));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-middleware-next")).toBe("1");
    expect(response.headers.get("content-security-policy")).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  });

  it("runs for every possible Server Action: its matcher has entries for a Next-Action header and for form bodies", async () => {
    const { config } = await import("@/proxy");
    const hasHeader = (key: string) =>
      config.matcher.some(
        (entry) =>
          "has" in entry &&
          entry.source.includes("(?!api/|_next/static|_next/image)") &&
          (entry.has ?? []).some((condition) => condition.key === key),
      );
    expect(hasHeader("next-action")).toBe(true);
    expect(hasHeader("content-type")).toBe(true);
  });
});
