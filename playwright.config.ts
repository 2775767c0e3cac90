// End-to-end tests run against the production build (`next build` first, then `next start`) on a
// fresh embedded database, in Debian's Chromium: Playwright's own browser download is not possible here.
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_PATH } from "./e2e/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const DATA_DIR = ".data/e2e";

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] } },
    { name: "mobile", use: { ...devices["Pixel 7"] }, grep: /@mobile/ },
  ],
  webServer: {
    command: `rm -rf ${DATA_DIR} && npx next start -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      PGLITE_DATA_DIR: DATA_DIR,
      DATABASE_URL: "",
      APP_URL: `http://127.0.0.1:${PORT}`,
      NODE_ENV: "production",
      // A production build on the embedded database with the demo accounts: allowed only in demo mode.
      DEMO_MODE: "true",
    },
  },
});
