// Reading one query parameter of a page. Pages pass these values on to database lookups (a
// therapist's id, a client's id, a service's slug); a value with a control or hidden character
// names no record, and a NUL made PostgreSQL refuse the query (/staff?therapist=%00 was a 500), so
// such a value counts as not given.
import { hasHiddenCharacters } from "@/lib/forms/text";

export type SearchParamValue = string | string[] | undefined;

/** The parameter's first value, cut to `max` characters; undefined when absent or not plain text. */
export function firstSearchParam(value: SearchParamValue, max: number): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || hasHiddenCharacters(first)) return undefined;
  return first.slice(0, max);
}
