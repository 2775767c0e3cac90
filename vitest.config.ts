import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.dirname(new URL(import.meta.url).pathname);
const alias = {
  "@": root,
  // "server-only" throws outside a React Server Components bundle; tests import server modules directly.
  "server-only": path.join(root, "tests/support/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
          setupFiles: ["tests/support/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "db",
          include: ["tests/db/**/*.test.ts"],
          environment: "node",
          // Each file gets its own in-memory PGlite unless DATABASE_URL points at PostgreSQL; with one
          // shared PostgreSQL database, files run one at a time.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
          env: {
            PGLITE_DATA_DIR: "memory://",
            NODE_ENV: "test",
            // The payment tests run a Stripe emulator here; one port per test run, so two runs on
            // one machine do not collide. Its webhooks are signed with this test-only secret.
            STRIPE_EMULATOR_PORT: String(20_000 + (process.pid % 20_000)),
            STRIPE_WEBHOOK_SECRET: "whsec_test_payments_harness_0123456789",
            STRIPE_SECRET_KEY: "",
            // Tests change bookings behind the app's back and read availability straight after.
            AVAILABILITY_CACHE_SECONDS: "0",
          },
          setupFiles: ["tests/support/fail-on-console-error.ts", "tests/support/db-setup.ts"],
        },
      },
    ],
  },
});
