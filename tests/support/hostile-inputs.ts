// The bad input classes of issue #16 point 9, one list for every suite that sends them (the API
// routes and the Server Actions): each value is something no form of the clinic's would send,
// in a field where the app expects a word, an id, a slug or a date.

export interface HostileValue {
  /** Which class of bad input it stands for, for the test's name. */
  name: string;
  /** As a JSON body field (any JSON value). */
  json: unknown;
  /** As a query parameter, a path segment or a form field (text only; an array repeats the field). */
  text: string | string[];
}

const huge = "x".repeat(100_000);

export const HOSTILE_VALUES: readonly HostileValue[] = [
  { name: "a number for a string", json: 12345, text: "12345" },
  { name: "a boolean for a string", json: true, text: "true" },
  { name: "an object for a string", json: { $ne: null }, text: "[object Object]" },
  { name: "an array for a string", json: ["a", "b"], text: ["a", "b"] },
  { name: "null", json: null, text: "null" },
  { name: "an empty string", json: "", text: "" },
  { name: "a huge string", json: huge, text: huge },
  { name: "a NUL character", json: "abc\u0000def", text: "abc\u0000def" },
  { name: "a lone NUL", json: "\u0000", text: "\u0000" },
  { name: "control characters", json: "\u0007\u001b[31m\u0008", text: "\u0007\u001b[31m\u0008" },
  { name: "a right-to-left override", json: "abc\u202Etxt.exe", text: "abc\u202Etxt.exe" },
  { name: "a zero-width space", json: "ab\u200Bc", text: "ab\u200Bc" },
  { name: "a lone surrogate", json: "ab\uD800c", text: "ab\uD800c" },
  { name: "an SQL string", json: '\' OR 1=1; DROP TABLE "Booking"; --', text: '\' OR 1=1; DROP TABLE "Booking"; --' },
  { name: "an HTML string", json: "<script>alert(1)</script>", text: "<script>alert(1)</script>" },
  { name: "an impossible date", json: "2026-02-30", text: "2026-02-30" },
  { name: "an impossible date-time", json: "2026-13-45T25:61:00+99:00", text: "2026-13-45T25:61:00+99:00" },
  { name: "a year zero date", json: "0000-00-00", text: "0000-00-00" },
  { name: "a far-future date-time", json: "+275760-09-13T00:00:00.000Z", text: "+275760-09-13T00:00:00.000Z" },
];

/** Values that are invalid wherever they go: no field of the app accepts one (free text included). */
export const NEVER_VALID = HOSTILE_VALUES.filter(
  ({ name }) =>
    ![
      "an empty string",
      "an SQL string",
      "an HTML string",
      "an impossible date",
      "a year zero date",
      "a number for a string",
      // true is a real answer for a yes/no field (newCalfSymptoms).
      "a boolean for a string",
    ].includes(name) && !name.includes("date-time"),
);

/**
 * Values no form field accepts. A form sends text only, so "null", "[object Object]" or a date
 * that does not exist are fair words in a name or a note; control and invisible characters, a
 * NUL, and a hundred thousand characters are not.
 */
export const NEVER_VALID_TEXT = HOSTILE_VALUES.filter(({ name }) =>
  [
    "a huge string",
    "a NUL character",
    "a lone NUL",
    "control characters",
    "a right-to-left override",
    "a zero-width space",
  ].includes(name),
);
