// The text people type, refused when it carries what no person types on purpose: control
// characters (a NUL makes PostgreSQL refuse the text, which was a 500), and the invisible marks
// that reorder or hide what is shown (bidirectional overrides, zero-width characters). Every
// schema that takes free text builds on these, so a form or an API route answers 4xx instead.
import { z } from "zod";

// C0 controls (the multi-line form keeps tab and line breaks), DEL, C1 controls, the soft hyphen,
// zero-width, filler and bidirectional marks (Arabic letter mark, Hangul fillers), and tag characters.
const HIDDEN_SINGLE_LINE =
  /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\u3164\uFEFF\uFFA0\u{E0000}-\u{E007F}]/u;
const HIDDEN_MULTI_LINE =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u2028-\u202E\u2060-\u2069\u3164\uFEFF\uFFA0\u{E0000}-\u{E007F}]/u;

export const HIDDEN_CHARACTERS_MESSAGE = "Remove the hidden or control characters from this text.";

/**
 * True when the text has a character plainText refuses, or half of a surrogate pair: no keyboard
 * types one, and a lone one ("\ud800" in a JSON body) made the database driver fail (a 500).
 */
export function hasHiddenCharacters(value: string, { multiline = false } = {}): boolean {
  return !value.isWellFormed() || (multiline ? HIDDEN_MULTI_LINE : HIDDEN_SINGLE_LINE).test(value);
}

/** The text with those characters taken out: for a search box, where refusing helps nobody. */
export function withoutHiddenCharacters(value: string): string {
  return value.toWellFormed().replace(new RegExp(HIDDEN_SINGLE_LINE.source, "gu"), "");
}

/** Trimmed text of at most `max` characters, one line unless `multiline`, with no hidden characters. */
export function plainText({ max, multiline = false, tooLong }: { max: number; multiline?: boolean; tooLong?: string }) {
  return z
    .string()
    .refine((value) => !hasHiddenCharacters(value, { multiline }), { message: HIDDEN_CHARACTERS_MESSAGE, abort: true })
    .transform((value) => value.trim())
    .pipe(z.string().max(max, tooLong ?? `Use at most ${max.toLocaleString("en-US")} characters.`));
}

// A web or email address: a scheme, "www.", an "@", a host name (two or more letters or digits, a
// dot, then two or more letters, with no space around the dot, so any top-level domain counts), or
// an IPv4 address. Names with initials or a spaced dot ("J. R. Smith", "J.R. Smith", "St. John") pass.
const ADDRESS_IN_TEXT = /([a-z][a-z0-9+.-]*:\/\/|\bwww\.|@|[\p{L}\p{N}-]{2,}\.\p{L}{2,}|\b\d{1,3}(?:\.\d{1,3}){3}\b)/iu;

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
