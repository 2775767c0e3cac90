// A record's id as a form or an address carries it back: the database makes ids of letters, digits,
// "_" and "-" (cuid). Anything else names no record and is refused before a lookup, where a NUL
// made PostgreSQL fail the query (a 500 for a Server Action sent with bookingId=%00).
import { z } from "zod";

export const RECORD_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/** The id of a record, trimmed; refused unless it has the shape of one. */
export function recordId() {
  return z.string().trim().regex(RECORD_ID_PATTERN, "That record could not be read. Reload the page.");
}
