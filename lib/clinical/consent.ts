// The consent a client signs before their first booking, and again whenever its text changes. Its
// text lives here as data, so every page and the printed copy show the same words.

export interface ConsentSection {
  heading: string;
  body: string;
}

export interface ConsentDocument {
  version: number;
  title: string;
  sections: readonly ConsentSection[];
  /** The whole document as one plain text (headings on their own lines), as the API serves it. */
  text: string;
}

function consentDocument(version: number, title: string, sections: readonly ConsentSection[]): ConsentDocument {
  const text = [title, ...sections.map((section) => `${section.heading}\n${section.body}`)].join("\n\n");
  return { version, title, sections, text };
}

const VERSION_1 = consentDocument(1, "Consent to calf massage treatment", [
  {
    heading: "What the treatment involves",
    body:
      "Your therapist works on your lower legs with their hands, using oil or lotion. They may press firmly, " +
      "stretch the calf and ankle, and, for some treatments, raise your legs on cushions. You stay covered " +
      "apart from your lower legs.",
  },
  {
    heading: "What you may feel afterwards",
    body:
      "Most people feel relaxed and a little tender. Soreness for a day or so is normal. Bruising, " +
      "light-headedness when you stand up, or a skin reaction to the oil can happen but are uncommon. " +
      "Tell your therapist at once if anything hurts more than you expect.",
  },
  {
    heading: "The health questions are not a diagnosis",
    body:
      "Your answers help us decide whether massage is suitable and what to avoid. They do not replace a " +
      "doctor. If your health changes before a visit, tell us, and see a doctor about new symptoms.",
  },
  {
    heading: "You are in charge",
    body:
      "You can ask for lighter pressure, skip any part of the treatment, or stop the session at any " +
      "time, without giving a reason.",
  },
  {
    heading: "What we record and who sees it",
    body:
      "We keep your health answers, your therapist's treatment notes and this signature with your " +
      "account. Only the therapist who treats you and the clinic's administrators can read them. You can " +
      "see and download your own records from your account.",
  },
  {
    heading: "Withdrawing your consent",
    body:
      "You can withdraw this consent whenever you like by telling your therapist or calling the clinic. " +
      "We then book no further treatment until you sign again. Records already made are kept as the law " +
      "requires.",
  },
]);

// The text is data (headed sections of plain text), so the booking page, the account page, the
// staff pages, GET /api/screening and the printed copy all show the same words. Changing the words
// means a new version: add it to CONSENT_VERSIONS and point CURRENT_CONSENT at it; every signature
// keeps the version it was made on, and the text of every version stays here so it can be shown as
// signed.
/** Every version ever signed, by number: a signature is always shown with its own text. */
export const CONSENT_VERSIONS: ReadonlyMap<number, ConsentDocument> = new Map([[VERSION_1.version, VERSION_1]]);

/** The consent a booking needs now. */
export const CURRENT_CONSENT: ConsentDocument = VERSION_1;

/** The document of a signed version (undefined for a version this build does not know). */
export function consentVersion(version: number): ConsentDocument | undefined {
  return CONSENT_VERSIONS.get(version);
}

/**
 * A name as the signature rule compares it: Unicode NFKC (so composed and decomposed accents, and
 * full-width letters, compare equal), spaces of any kind collapsed to one and trimmed, case folded.
 */
export function normalizeSignedName(name: string): string {
  return name.normalize("NFKC").replace(/\s+/gu, " ").trim().toLocaleLowerCase("en-US");
}

/** The rule, in the words the form shows beside the name field. */
export const SIGNED_NAME_RULE =
  "Type your full name exactly as it appears on your account. Capital letters and extra spaces don't matter.";

/** True when a typed name signs for an account with this name (an account without a name cannot sign). */
export function signedNameMatches(typed: string, accountName: string | null | undefined): boolean {
  if (!accountName) return false;
  const expected = normalizeSignedName(accountName);
  return expected.length > 0 && normalizeSignedName(typed) === expected;
}
