// End-to-end tests run against the production build (`next build` first, then `npm start`'s server.mjs) on a
// fresh embedded database, in Debian's Chromium: Playwright's own browser download is not possible here.
import { defineConfig, devices } from "@playwright/test";
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from "./e2e/chromium";

const PORT = Number(process.env.E2E_PORT ?? 3210);
const DATA_DIR = ".data/e2e";
// The app delivers its outbox over SMTP to e2e/mail-sink.ts, which files each message under MAIL_DIR
// for the specs to read (e2e/helpers.ts readLatestEmail, same folder). One port per run, from the
// app's. The in-app job delivers the outbox every 5 s, prompt enough for a spec to wait on.
const SMTP_PORT = Number(process.env.E2E_SMTP_PORT ?? PORT + 20_000);
const MAIL_DIR = ".data/e2e-mail";

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
      args: CHROMIUM_FLAGS,
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"] } },
    { name: "mobile", use: { ...devices["Pixel 7"] }, grep: /@mobile/ },
  ],
  webServer: {
    // The sink starts first, in the background of the same shell, and stops with the app.
    command: `rm -rf ${DATA_DIR} && (npx tsx e2e/mail-sink.ts &) && node server.mjs -p ${PORT}`,
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
      // The suite plays many clients from one machine: it stands in for one proxy, naming each
      // browser's network in X-Forwarded-For (e2e/helpers.ts ownNetwork). The demo's own default is 0.
      TRUST_PROXY_HOPS: "1",
      // Its own Stripe emulator per port, so two e2e runs on one machine never answer each other's payments.
      STRIPE_EMULATOR_PORT: String(PORT + 10_000),
      SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
      E2E_SMTP_PORT: String(SMTP_PORT),
      E2E_MAIL_DIR: MAIL_DIR,
    },
  },
});
