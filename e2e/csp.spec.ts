// The Content-Security-Policy on every kind of page (lib/http/content-security-policy.mjs): no inline
// script runs by 'unsafe-inline', yet every page hydrates without a single violation (the public
// reading pages, which leave without React, run their header's island). Prerendered
// pages (served whole from the cache, by server.mjs) name their inline scripts' hashes; pages
// rendered per request carry proxy.ts's nonce. Violations are caught twice: the browser's
// `securitypolicyviolation` events, recorded from before any page script runs, and its console.
import type { Page, Response } from "@playwright/test";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, newClient, ownNetwork, signIn, signUp } from "./helpers";

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

const SERVICE = "second-heart-massage-60";
const ARTICLE = "/learn/dvt-and-pulmonary-embolism";

/** Records every violation on the page's window, and every console line about the policy. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (event) => {
      window.__cspViolations?.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber}) on ${location.pathname}`,
      );
    });
  });
  const consoleLines: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Content-Security-Policy/i.test(message.text())) consoleLines.push(message.text());
  });
  return async () => [...(await page.evaluate(() => window.__cspViolations ?? [])), ...consoleLines];
}

function scriptSources(response: Response | null): string[] {
  const policy = response?.headers()["content-security-policy"] ?? "";
  const directive = policy
    .split(";")
    .map((part) => part.trim().split(/\s+/))
    .find(([name]) => name === "script-src");
  expect(directive, `script-src in "${policy}"`).toBeDefined();
  return directive?.slice(1) ?? [];
}

/** The page's headers are strict, and React took the page over (its root node carries React's fiber). */
async function expectStrictAndHydrated(page: Page, response: Response | null, kind: "prerendered" | "per request") {
  expectStrictHeaders(response, kind);
  await page.waitForFunction(() => Object.keys(document.body).some((key) => key.startsWith("__reactFiber$")));
}

/**
 * A public reading page (lib/http/static-content-page.mjs): strict headers naming its inline scripts'
 * hashes, none of Next.js's scripts, and the header's island ran (it asked /api/me who is signed in).
 */
async function expectStrictAndStatic(page: Page, response: Response | null) {
  expectStrictHeaders(response, "prerendered");
  await expect(page.locator("script[src]")).toHaveCount(0);
  await expect(page.locator("header [data-pending]")).toHaveCount(0);
  expect(await page.evaluate(() => Object.keys(document.body).some((key) => key.startsWith("__reactFiber$")))).toBe(
    false,
  );
}

function expectStrictHeaders(response: Response | null, kind: "prerendered" | "per request") {
  expect(response?.ok() || response?.status() === 404, `status ${response?.status()}`).toBe(true);
  const headers = response?.headers() ?? {};
  const sources = scriptSources(response);
  expect(sources).not.toContain("'unsafe-inline'");
  expect(sources).not.toContain("'unsafe-eval'");
  expect(headers["content-security-policy"]).toMatch(/(^|;)\s*base-uri 'none'\s*(;|$)/);
  expect(headers["content-security-policy"]).toMatch(/(^|;)\s*object-src 'none'\s*(;|$)/);
  expect(headers["cross-origin-opener-policy"]).toBe("same-origin");
  if (kind === "prerendered") {
    expect(
      sources.some((source) => source.startsWith("'sha256-")),
      sources.join(" "),
    ).toBe(true);
    expect(sources.filter((source) => source.startsWith("'nonce-") || source === "'strict-dynamic'")).toEqual([]);
  } else {
    expect(sources.filter((source) => source.startsWith("'nonce-"))).toHaveLength(1);
    expect(sources).toContain("'strict-dynamic'");
  }
}

test.describe("content security policy", () => {
  test("public pages, prerendered or not, run their scripts under a strict policy", async ({ page }) => {
    const violations = await watchViolations(page);

    // The reading pages leave without React (issue #21); the header's island still learns who is
    // signed in from /api/me, in the browser: its script and its fetch ran.
    for (const path of ["/", "/learn", ARTICLE, "/services", `/services/${SERVICE}`, "/privacy"]) {
      const response = await page.goto(path);
      await expectStrictAndStatic(page, response);
    }

    // Again from the browser's cache: a 304 must not bring a policy the kept page cannot meet.
    const reloaded = await page.reload();
    expect(scriptSources(reloaded)).not.toContain("'strict-dynamic'");
    await expect(page.locator("header [data-pending]")).toHaveCount(0);

    // Client-side navigation between a per-request page and a prerendered one.
    await expectStrictAndHydrated(page, await page.goto(`/book?service=${SERVICE}`), "per request");
    await page.getByRole("link", { name: /^Any therapist/ }).click();
    // The calendar marks free days from the availability API, fetched by the page's scripts.
    await expect(page.locator(".booking-day-available").first()).toBeVisible();
    await page.locator("header").getByRole("link", { name: "Learn", exact: true }).first().click();
    await expect(page).toHaveURL(/\/learn$/);
    await expect(page.getByRole("searchbox", { name: "Search articles" })).toBeVisible();

    for (const path of ["/sign-in", "/sign-up", "/learn/search?q=calf"]) {
      await expectStrictAndHydrated(page, await page.goto(path), "per request");
    }

    expect(await violations()).toEqual([]);
  });

  test("a page that is not there is strict too", async ({ page, browserErrors }) => {
    browserErrors.allow(/status of 404/);
    const violations = await watchViolations(page);
    // Next.js answers an unknown address with its prerendered not-found page.
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expectStrictAndHydrated(page, response, "prerendered");
    await expect(page.locator("header [data-pending]")).toHaveCount(0);
    expect(await violations()).toEqual([]);
  });

  test("a new client's account and the staff desk run under a nonce", async ({ page, browser }) => {
    await page.context().setExtraHTTPHeaders(ownNetwork());
    const violations = await watchViolations(page);
    const client = newClient();
    await signUp(page, client);
    for (const path of ["/account", "/account/profile", "/account/privacy"]) {
      await expectStrictAndHydrated(page, await page.goto(path), "per request");
    }
    // A client-side interaction: the header's menu of a signed-in client shows their account link.
    await expect(page.locator("header").getByRole("link", { name: "Account" }).first()).toBeAttached();
    // A reading page, without React: its island shows the same link, in place of "Sign in".
    await expectStrictAndStatic(page, await page.goto(ARTICLE));
    await expect(page.locator('header a[href="/account"]')).toHaveCount(2);
    await expect(page.locator('header a[href="/sign-in"]')).toHaveCount(0);
    expect(await violations()).toEqual([]);

    const staff = await browser.newContext({ extraHTTPHeaders: ownNetwork() });
    const staffPage = await staff.newPage();
    const staffViolations = await watchViolations(staffPage);
    await signIn(staffPage, "therapist@clinic.test", DEMO_PASSWORD, /\/staff$/);
    for (const path of ["/staff", "/staff/week", "/staff/clients"]) {
      await expectStrictAndHydrated(staffPage, await staffPage.goto(path), "per request");
    }
    // Staff on a reading page: the island gives them the staff desk's link and their account's.
    await expectStrictAndStatic(staffPage, await staffPage.goto("/services"));
    await expect(staffPage.locator('header nav[aria-label="Main"] a[href="/staff"]')).toHaveCount(2);
    await expect(staffPage.locator('header nav[aria-label="Main"] a[href="/account"]')).toHaveCount(2);
    expect(await staffViolations()).toEqual([]);
    await staff.close();
  });
});
