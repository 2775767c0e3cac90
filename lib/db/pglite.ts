// Opens the embedded PGlite database with the extensions the migrations need. PGlite runs inside
// one process, so a data directory must never be opened by two (say `npm run db:seed` while
// `npm run dev` runs): both would write the same files. A lock file next to the directory, holding
// the owner's pid, turns that into a clear error; a lock left by a dead process is taken over.
import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";

export class DatabaseInUseError extends Error {
  override name = "DatabaseInUseError";
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockDataDirectory(dataDir: string): void {
  const lockFile = `${path.resolve(dataDir)}.lock`;
  const me = String(process.pid);
  try {
    writeFileSync(lockFile, me, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const owner = Number(readFileSync(lockFile, "utf8").trim());
    if (owner && owner !== process.pid && isRunning(owner)) {
      throw new DatabaseInUseError(
        `The embedded database in ${dataDir} is open in another process (pid ${owner}), probably a running ` +
          "`npm run dev` or `npm start`. Stop it first, or set PGLITE_DATA_DIR to another directory.",
      );
    }
    writeFileSync(lockFile, me);
  }
  process.once("exit", () => {
    try {
      if (readFileSync(lockFile, "utf8").trim() === me) unlinkSync(lockFile);
    } catch {
      // Already gone: nothing to release.
    }
  });
}

export function openPglite(dataDir: string): PGlite {
  if (!dataDir.startsWith("memory://")) {
    mkdirSync(dataDir, { recursive: true });
    lockDataDirectory(dataDir);
  }
  return new PGlite(dataDir, { extensions: { btree_gist } });
}

/** Closes an embedded database this process opened and gives its directory back to other processes. */
export async function closePglite(db: PGlite, dataDir: string): Promise<void> {
  await db.close();
  const lockFile = `${path.resolve(dataDir)}.lock`;
  try {
    if (readFileSync(lockFile, "utf8").trim() === String(process.pid)) unlinkSync(lockFile);
  } catch {
    // No lock file: nothing to give back.
  }
}
