// Opens the embedded PGlite database with the extensions the migrations need.
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";

export function openPglite(dataDir: string): PGlite {
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  return new PGlite(dataDir, { extensions: { btree_gist } });
}
