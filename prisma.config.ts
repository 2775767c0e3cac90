// Prisma CLI configuration. The JS schema engine talks to an in-memory PGlite, so `generate` and
// `migrate diff` work offline; migrations are applied by lib/db/migrate.ts, not by the CLI.
// The adapter is not dead wiring: without it `prisma migrate diff` (npm run db:migrate -- --name)
// stops with "getAdapterFactory is not a function".
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { defineConfig } from "prisma/config";

// The CLI insists on a postgresql:// URL even when an adapter is configured (it is never dialled).
process.env.DATABASE_URL ??= "postgresql://offline@localhost:5432/offline";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return new PrismaPGlite(new PGlite({ extensions: { btree_gist } }));
  },
});
