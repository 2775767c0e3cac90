// Fields whose names a form builds at run time ("calf.LEFT.tension", "hours.1.0.start"), read from
// a submitted form only as the form renders them. Pure: the treatment-note and working-hours
// actions share it.

export const UNREADABLE_FORM_MESSAGE = "This form could not be read. Reload the page and try again.";
export const REPEATED_FIELD_MESSAGE = "This was sent more than once. Reload the page and try again.";
export const NOT_TEXT_MESSAGE = "This could not be read as text. Reload the page and try again.";

export interface ComputedFields {
  /** Each rendered name sent once, as text. */
  values: Map<string, string>;
  /** Messages for rendered names sent twice or as a file, keyed by the name. */
  fieldErrors: Record<string, string[]>;
  /** Names in the namespace that the form does not render. */
  unknownNames: string[];
}

// A name in the form's namespace that it never renders (a prototype word, a day or row out of
// range, a part that does not exist) means the form was not sent by the page, so it is refused
// whole; a field sent twice (an array) or sent as a file gets a message under its input. Values
// land in a Map, so no name reaches an object's prototype.
export function readComputedFields(
  entries: Iterable<[string, unknown]>,
  { namespaces, renders }: { namespaces: readonly string[]; renders: (name: string) => boolean },
): ComputedFields {
  const values = new Map<string, string>();
  const fieldErrors: Record<string, string[]> = {};
  const unknownNames: string[] = [];
  const seen = new Set<string>();
  for (const [name, value] of entries) {
    if (!namespaces.some((namespace) => name === namespace || name.startsWith(`${namespace}.`))) continue;
    if (!renders(name)) {
      unknownNames.push(name);
      continue;
    }
    if (seen.has(name)) {
      values.delete(name);
      fieldErrors[name] = [REPEATED_FIELD_MESSAGE];
      continue;
    }
    seen.add(name);
    if (typeof value !== "string") {
      fieldErrors[name] = [NOT_TEXT_MESSAGE];
      continue;
    }
    values.set(name, value);
  }
  return { values, fieldErrors, unknownNames };
}
