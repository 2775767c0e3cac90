// Every spec imports `test` from here: a page that logs a console error or throws an uncaught
// error fails the test it belongs to, after the test body ran, even if every assertion passed.
// A test that expects an error (say, the browser's note about a 404 it navigated to on purpose)
// says so with `browserErrors.allow(/status of 404/)`.
import { test as base, expect } from "@playwright/test";

interface BrowserErrors {
  allow(pattern: RegExp): void;
}

export const test = base.extend<{ browserErrors: BrowserErrors }>({
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
