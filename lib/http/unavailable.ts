// A dependency that is down, slow or saturated (the database, its pool, Stripe) is not a bug: the
// request gets a calm 503 with Retry-After, and the log gets one line per kind of failure per
// 30 seconds instead of a stack trace per request (DESIGN.md "Failures").
import { getClinicIdentity } from "@/lib/clinic/clinic-identity";
import { databaseFailureKind, type DatabaseFailureKind } from "@/lib/db/errors";
import { createFoldedLog, type FoldedLog } from "./folded-log";
import { currentRequestStore } from "./request-store";

export const RETRY_AFTER_SECONDS = 5;
const LOG_INTERVAL_MS = 30_000;

export const UNAVAILABLE_MESSAGE =
  `We're having trouble right now, please try again in a minute. ` +
  `If it keeps happening, call the clinic on ${getClinicIdentity().phoneDisplay}.`;

// One log per process, whichever Next.js bundle calls it (they share globalThis, not modules).
const globalForLog = globalThis as typeof globalThis & { __clinicUnavailableLog?: FoldedLog };

function unavailableLog(): FoldedLog {
  globalForLog.__clinicUnavailableLog ??= createFoldedLog({ intervalMs: LOG_INTERVAL_MS });
  return globalForLog.__clinicUnavailableLog;
}

/**
 * What went wrong in one short line, without a stack or a password: the driver's own words when
 * it gave some ("connect ECONNREFUSED 10.0.0.5:5432", "canceling statement due to lock timeout").
 */
function describe(error: unknown): string {
  const words: string[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const part = current as {
      message?: unknown;
      originalMessage?: unknown;
      kind?: unknown;
      host?: unknown;
      port?: unknown;
    };
    if (typeof part.originalMessage === "string") words.push(part.originalMessage);
    else if (typeof part.kind === "string" && part.host !== undefined)
      words.push(`${part.kind} (${String(part.host)}:${String(part.port)})`);
    else if (typeof part.message === "string" && part.message.trim() !== "") words.push(part.message);
    const wrapped = current as { cause?: unknown; meta?: { driverAdapterError?: unknown } };
    current = wrapped.cause ?? wrapped.meta?.driverAdapterError;
  }
  // The innermost says most; the outer ones are Prisma's and Auth.js's wrappers of it.
  const text = words.at(-1) ?? String(error);
  const line = text.split("\n").find((candidate) => candidate.trim() !== "") ?? "";
  return line
    .trim()
    .replace(/\/\/[^@\s]*@/g, "//***@")
    .slice(0, 200);
}

/**
 * Records a dependency failure on the current request (so the production server answers 503) and
 * in the folded log. `kind` names it ("database unreachable", "payments unavailable").
 */
export function reportUnavailable(kind: string, error: unknown): void {
  const store = currentRequestStore();
  if (store) store.unavailable ??= kind;
  unavailableLog().note(`[unavailable] ${kind}`, describe(error));
}

/**
 * When the error means the database could not serve the request, reports it and returns the kind;
 * otherwise undefined (the caller handles the error as before).
 */
export function noteDatabaseUnavailable(error: unknown): DatabaseFailureKind | undefined {
  const kind = databaseFailureKind(error);
  if (kind) reportUnavailable(`database ${kind.replace("_", " ")}`, error);
  return kind;
}
