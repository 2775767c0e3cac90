// The consent as data and the signature rule: the text is headed sections joined into one plain
// text for the API; a typed name signs for the account's name whatever its capitals, spacing or
// Unicode form, and nothing else signs (an account without a name cannot sign).
import { describe, expect, it } from "vitest";
import {
  CONSENT_VERSIONS,
  consentVersion,
  CURRENT_CONSENT,
  normalizeSignedName,
  signedNameMatches,
} from "@/lib/clinical/consent";

describe("the consent document", () => {
  it("is the current version, known by its number, with every section in its plain text", () => {
    expect(CONSENT_VERSIONS.get(CURRENT_CONSENT.version)).toBe(CURRENT_CONSENT);
    expect(consentVersion(CURRENT_CONSENT.version)).toBe(CURRENT_CONSENT);
    expect(consentVersion(999)).toBeUndefined();
    for (const section of CURRENT_CONSENT.sections) {
      expect(CURRENT_CONSENT.text).toContain(`${section.heading}\n${section.body}`);
    }
  });

  it("covers what the treatment involves, its risks, no diagnosis, stopping, records and withdrawal", () => {
    const text = CURRENT_CONSENT.text.toLowerCase();
    for (const words of ["soreness", "bruising", "not a diagnosis", "stop the session", "who sees it", "withdraw"]) {
      expect(text).toContain(words);
    }
  });
});

describe("signedNameMatches", () => {
  it.each([
    ["Robin Test", "Robin Test", true],
    ["robin test", "Robin Test", true],
    ["  ROBIN    TEST ", "Robin Test", true],
    ["Robin\u00a0Test", "Robin Test", true], // a no-break space is a space
    ["Zoe\u0308 Marti\u0301nez", "Zoë Martínez", true], // decomposed accents
    ["Ｒｏｂｉｎ Ｔｅｓｔ", "Robin Test", true], // full-width letters
    ["Zoe Martinez", "Zoë Martínez", false], // accents are part of the name
    ["Robin", "Robin Test", false],
    ["Robin Tester", "Robin Test", false],
    ["", "Robin Test", false],
    ["Robin Test", null, false],
    ["   ", "   ", false],
  ])("%j signs for %j: %s", (typed, accountName, expected) => {
    expect(signedNameMatches(typed, accountName)).toBe(expected);
  });

  it("normalises to one lower-case, single-spaced form", () => {
    expect(normalizeSignedName("  Mary-Jane   O'NEIL\t")).toBe("mary-jane o'neil");
  });
});
