// Recognising database errors that mean something to a user. Through driver adapters a violated
// constraint arrives as a DriverAdapterError whose cause carries the PostgreSQL SQLSTATE.

const PRISMA_CODE = /^P\d{4}$/;

/** The PostgreSQL SQLSTATE behind an error, however deeply Prisma and the adapter wrapped it. */
export function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: unknown };
    if (typeof candidate.originalCode === "string") return candidate.originalCode;
    const meta = candidate.meta as { driverAdapterError?: unknown } | undefined;
    const inner = candidate.cause ?? meta?.driverAdapterError;
    // A Prisma P-code on the outside may hide the SQLSTATE inside: keep digging.
    if (
      typeof candidate.code === "string" &&
      /^[0-9A-Z]{5}$/.test(candidate.code) &&
      !PRISMA_CODE.test(candidate.code)
    ) {
      return candidate.code;
    }
    current = inner;
  }
  return undefined;
}

function prismaCode(error: unknown): string | undefined {
  const code = error && typeof error === "object" ? (error as { code?: unknown }).code : undefined;
  return typeof code === "string" && PRISMA_CODE.test(code) ? code : undefined;
}

/** An exclusion constraint said no: for bookings, the slot was just taken. */
export function isExclusionViolation(error: unknown): boolean {
  return sqlState(error) === "23P01";
}

export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === "P2002" || sqlState(error) === "23505";
}

/**
 * A transaction lost a race and may be retried: a serialization failure (40001) or a deadlock
 * (40P01). adapter-pg reports the first as P2034 (TransactionWriteConflict).
 */
export function isSerializationFailure(error: unknown): boolean {
  const state = sqlState(error);
  return prismaCode(error) === "P2034" || state === "40001" || state === "40P01";
}

/** The name of the constraint an error reports ("Booking_hold_has_expiry"), if it names one. */
export function violatedConstraint(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === "object"; depth++) {
    const candidate = current as { message?: unknown; originalMessage?: unknown; cause?: unknown; meta?: unknown };
    for (const text of [candidate.originalMessage, candidate.message]) {
      const match = typeof text === "string" ? /constraint "([^"]+)"/.exec(text) : null;
      if (match) return match[1];
    }
    const meta = candidate.meta as { driverAdapterError?: unknown } | undefined;
    current = candidate.cause ?? meta?.driverAdapterError;
  }
  return undefined;
}

/**
 * Why the database could not serve a request, when the cause is the database's availability rather
 * than the request: "unreachable" (refused, reset, not found, shut down, connection lost),
 * "pool_exhausted" (no connection free in time, or the server's connection limit), "timeout" (a
 * statement or lock wait ran past DATABASE_STATEMENT_TIMEOUT_MS / DATABASE_LOCK_TIMEOUT_MS).
 */
export type DatabaseFailureKind = "unreachable" | "pool_exhausted" | "timeout";

const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EPIPE",
  "EAI_AGAIN",
  "ETIMEDOUT",
]);

const SQLSTATE_KIND: Record<string, DatabaseFailureKind> = {
  "57014": "timeout", // query_canceled: statement_timeout
  "55P03": "timeout", // lock_not_available: lock_timeout
  "53300": "pool_exhausted", // too_many_connections
  "57P01": "unreachable", // admin_shutdown (also pg_terminate_backend)
  "57P02": "unreachable", // crash_shutdown
  "57P03": "unreachable", // cannot_connect_now (starting up, shutting down)
};

const PRISMA_KIND: Record<string, DatabaseFailureKind> = {
  P1001: "unreachable", // can't reach database server
  P1002: "timeout", // the server was reached but timed out
  P1017: "unreachable", // server has closed the connection
  P2024: "pool_exhausted", // timed out fetching a new connection from the pool
};

// What the driver adapter calls the socket errors it maps (DriverAdapterError's cause.kind).
const ADAPTER_KIND: Record<string, DatabaseFailureKind> = {
  DatabaseNotReachable: "unreachable",
  ConnectionClosed: "unreachable",
  SocketTimeout: "unreachable",
  TooManyConnections: "pool_exhausted",
};

function kindOfOne(candidate: Record<string, unknown>): DatabaseFailureKind | undefined {
  const { code, originalCode, kind, message } = candidate;
  if (typeof originalCode === "string") {
    const fromState = SQLSTATE_KIND[originalCode] ?? (originalCode.startsWith("08") ? "unreachable" : undefined);
    if (fromState) return fromState;
  }
  if (typeof code === "string") {
    if (SOCKET_CODES.has(code)) return "unreachable";
    const prisma = PRISMA_KIND[code];
    if (prisma) return prisma;
    // P2028: the interactive transaction could not start within maxWait, or outlived its timeout.
    if (code === "P2028" && typeof message === "string" && /given time|timeout|expired/i.test(message)) {
      return "pool_exhausted";
    }
    if (/^[0-9A-Z]{5}$/.test(code) && !PRISMA_CODE.test(code)) {
      const fromState = SQLSTATE_KIND[code] ?? (code.startsWith("08") ? "unreachable" : undefined);
      if (fromState) return fromState;
    }
  }
  if (typeof kind === "string" && ADAPTER_KIND[kind]) return ADAPTER_KIND[kind];
  if (kind === "postgres" && typeof code === "string") return SQLSTATE_KIND[code];
  if (typeof message === "string") {
    // node-postgres's own errors carry no code: the pool's acquire timeout, and a lost connection.
    if (/timeout exceeded when trying to connect/i.test(message)) return "pool_exhausted";
    if (/Connection terminated|Client has encountered a connection error/i.test(message)) {
      return "unreachable";
    }
  }
  return undefined;
}

/**
 * The kind of availability failure behind an error, however deeply Prisma, the driver adapter or
 * Auth.js (AdapterError, CallbackRouteError: `cause.err`) wrapped it; undefined for anything else,
 * including constraint violations and serialization failures, which have answers of their own.
 */
export function databaseFailureKind(error: unknown): DatabaseFailureKind | undefined {
  const queue: unknown[] = [error];
  const seen = new Set<unknown>();
  for (let visited = 0; queue.length > 0 && visited < 24; visited++) {
    const current = queue.shift();
    if (!current || typeof current !== "object" || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as Record<string, unknown>;
    const found = kindOfOne(candidate);
    if (found) return found;
    const meta = candidate.meta as { driverAdapterError?: unknown } | undefined;
    queue.push(candidate.cause, candidate.err, meta?.driverAdapterError);
    if (Array.isArray(candidate.errors)) queue.push(...(candidate.errors as unknown[]));
  }
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return databaseFailureKind(error) !== undefined;
}
