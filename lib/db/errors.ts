// Recognising database errors that mean something to a user. Through driver adapters a violated
// constraint arrives as a DriverAdapterError whose cause carries the PostgreSQL SQLSTATE.

function sqlState(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === "object"; depth++) {
    const candidate = current as { code?: unknown; originalCode?: unknown; cause?: unknown; meta?: unknown };
    if (typeof candidate.originalCode === "string") return candidate.originalCode;
    if (typeof candidate.code === "string" && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate.code;
    const meta = candidate.meta as { driverAdapterError?: unknown } | undefined;
    current = candidate.cause ?? meta?.driverAdapterError;
  }
  return undefined;
}

/** An exclusion constraint said no: for bookings, the slot was just taken. */
export function isExclusionViolation(error: unknown): boolean {
  return sqlState(error) === "23P01";
}

export function isUniqueViolation(error: unknown): boolean {
  if (error && typeof error === "object" && (error as { code?: unknown }).code === "P2002") return true;
  return sqlState(error) === "23505";
}

export function isSerializationFailure(error: unknown): boolean {
  return sqlState(error) === "40001";
}
