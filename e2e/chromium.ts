// Where the end-to-end tests find Chromium: Debian's package, or CHROMIUM_PATH. Playwright's own
// browser download cannot work on a machine without internet access.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";

// Chromium as root needs --no-sandbox; the rest keep it from stalling on a closed network. Shared by
// the e2e suite (playwright.config.ts) and `npm run lighthouse`.
export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];
