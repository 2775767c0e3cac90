// The text people type, refused when it carries what no person types on purpose: control
// characters (a NUL makes PostgreSQL refuse the text, which was a 500), and the invisible marks
// that reorder or hide what is shown (bidirectional overrides, zero-width characters). Every
// schema that takes free text builds on these, so a form or an API route answers 4xx instead.
import { z } from "zod";

// C0 controls except tab and line breaks, DEL, C1 controls, zero-width and bidirectional marks.
const HIDDEN_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/;
const HIDDEN_MULTI_LINE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u2028-\u202E\u2060-\u2069\uFEFF]/;

export const HIDDEN_CHARACTERS_MESSAGE = "Remove the hidden or control characters from this text.";

/** True when the text has a character plainText refuses. */
export function hasHiddenCharacters(value: string, { multiline = false } = {}): boolean {
  return (multiline ? HIDDEN_MULTI_LINE : HIDDEN_SINGLE_LINE).test(value);
}

/** The text with those characters taken out: for a search box, where refusing helps nobody. */
export function withoutHiddenCharacters(value: string): string {
  return value.replace(new RegExp(HIDDEN_SINGLE_LINE.source, "g"), "");
}

/** Trimmed text of at most `max` characters, one line unless `multiline`, with no hidden characters. */
export function plainText({ max, multiline = false, tooLong }: { max: number; multiline?: boolean; tooLong?: string }) {
  return z
    .string()
    .refine((value) => !hasHiddenCharacters(value, { multiline }), { message: HIDDEN_CHARACTERS_MESSAGE, abort: true })
    .transform((value) => value.trim())
    .pipe(z.string().max(max, tooLong ?? `Use at most ${max.toLocaleString("en-US")} characters.`));
}

// A web or email address: a scheme, "www.", an "@", or a host name ending in a common top-level
// domain. Names with dots ("J. R. Smith", "St. John") pass.
const ADDRESS_IN_TEXT =
  /([a-z][a-z0-9+.-]*:\/\/|\bwww\.|@|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|io|co|app|dev|xyz|link|site|online|shop|top|me|ly|us|uk|ca|de|ru|cn)\b)/i;

export const NAME_ADDRESS_MESSAGE = "A name can't contain a web or email address.";

/**
 * A person's name as they give it: plain text, one line, at most 100 characters, and no web or
 * email address: names are repeated in the clinic's own emails, where a "name" such as "Your card
 * was declined. Re-enter it at https://…" would read as the clinic's words.
 */
export function personName({ required }: { required: string }) {
  return z
    .string({ error: required })
    .pipe(plainText({ max: 100 }))
    .pipe(
      z
        .string()
        .min(1, required)
        .refine((value) => !ADDRESS_IN_TEXT.test(value), { message: NAME_ADDRESS_MESSAGE }),
    );
}
