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
