// Asserts that a database write was refused for the stated reason: the SQLSTATE and, where the
// database names one, the constraint. A bare `rejects.toThrow()` would also pass on a typo.
import { expect } from "vitest";
import { sqlState, violatedConstraint } from "@/lib/db/errors";

export async function expectDatabaseError(
  promise: Promise<unknown>,
  expected: { sqlState: string; constraint?: string },
): Promise<void> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error, "the database should have refused this write").not.toBeNull();
  expect(sqlState(error)).toBe(expected.sqlState);
  if (expected.constraint) expect(violatedConstraint(error)).toBe(expected.constraint);
}
