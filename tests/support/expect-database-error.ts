// Asserts that a database write was refused for the stated reason: the SQLSTATE and, where the
// database names one, the constraint. A bare `rejects.toThrow()` would also pass on a typo.
import { expect } from "vitest";
import { sqlState, violatedConstraint } from "@/lib/db/errors";

export async function expectDatabaseError(
  promise: Promise<unknown>,
  expected: { sqlState: string | string[]; constraint?: string },
): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "the database should have refused this write").not.toBeNull();
  // Some refusals differ between versions (PostgreSQL 15 reports ON DELETE RESTRICT as 23503, 17 as
  // 23001): a test may name each code it accepts, and the constraint pins the reason down.
  expect([expected.sqlState].flat()).toContain(sqlState(error));
  if (expected.constraint) expect(violatedConstraint(error)).toBe(expected.constraint);
}
