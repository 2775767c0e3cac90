// Every spec imports `test` from here: a page that logs a console error or throws an uncaught
// error fails the test it belongs to, after the test body ran, even if every assertion passed.
// A test that expects an error (say, the browser's note about a 404 it navigated to on purpose)
// says so with `browserErrors.allow(/status of 404/)`.
// Each test's browser is also a client network of its own (`extraHTTPHeaders`), as real clients
// are: the throttles count per address (30 sign-ins in 15 minutes, 10 sign-ups an hour), and a suite
// whose every page came from one address would use up that budget for the tests that run last.
import { randomInt } from "node:crypto";
import { test as base, expect } from "@playwright/test";

/**
 * A client network of its own, as X-Forwarded-For names it: the suite runs the app with
 * TRUST_PROXY_HOPS=1 (playwright.config.ts), standing in for the proxy that appends the client's
 * address, as lib/auth/client-ip.ts explains.
 */
export const ownNetwork = () => ({ "x-forwarded-for": `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}` });

interface BrowserErrors {
  allow(pattern: RegExp): void;
}

export const test = base.extend<{ browserErrors: BrowserErrors }>({
  extraHTTPHeaders: async ({}, provide) => {
    await provide(ownNetwork());
  },
  browserErrors: [
    async ({ page }, use) => {
      const allowed: RegExp[] = [];
      const seen: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error") seen.push(`console: ${message.text()}`);
      });
      page.on("pageerror", (error) => seen.push(`uncaught: ${error.message}`));
      await use({ allow: (pattern) => allowed.push(pattern) });
      const unexpected = seen.filter((text) => !allowed.some((pattern) => pattern.test(text)));
      expect(unexpected, "the page logged errors").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
