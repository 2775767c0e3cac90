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
          env: { PGLITE_DATA_DIR: "memory://", NODE_ENV: "test" },
          setupFiles: ["tests/support/fail-on-console-error.ts", "tests/support/db-setup.ts"],
        },
      },
    ],
  },
});
