// Near-copy detection for the originality test (tests/unit/content-originality.test.ts): our
// articles may share facts with the reference articles, never their wording.

// Two checks, both on text that is lowercased, lightly stemmed and with a few synonyms folded
// together, so that swapping "every" for "each" or "pool" for "collect" does not hide a copied
// sentence:
//   - runs: any RUN consecutive words shared with a reference;
//   - sentences: a sentence whose content words mostly appear in one reference sentence.
// Common medical phrases ("deep vein thrombosis", "blood clot") are folded into one word first,
// so naming a condition the way everyone names it is not a shared run.
export const RUN = 6;
/** A sentence is a near-copy when, in some stretch of WINDOW content words ("the", "your" and the
 * like left out), WINDOW_SHARED of them appear in one reference sentence. */
export const WINDOW = 8;
export const WINDOW_SHARED = 7;

/** Phrases everyone uses for these things; they count as one word. */
export const COMMON_PHRASES = [
  "deep vein thrombosis",
  "pulmonary embolism",
  "peripheral artery disease",
  "peripheral arterial disease",
  "chronic venous insufficiency",
  "varicose veins",
  "spider veins",
  "blood clot",
  "blood clots",
  "blood flow",
  "blood thinners",
  "calf muscle pump",
  "calf muscles",
  "lower legs",
  "lower leg",
  "deep veins",
  "deep vein",
  "one-way valves",
  "back to the heart",
  "back toward the heart",
  "up toward the heart",
  "toward the heart",
  "against gravity",
  "second heart",
  "gastrocnemius and soleus",
  "heart disease",
  "high blood pressure",
  "family history",
  "long flight",
  "long flights",
  "sitting or standing",
  "sit or stand",
  "feet and ankles",
  "legs and feet",
  "feet or legs",
  "legs or feet",
  "at a desk",
  "oxygen-rich blood",
  "life-threatening",
];

const STOP_WORDS = new Set(
  (
    "a an the and or but of to in on at by for from with as is are was were be been being it its this that these those " +
    "your you yours our we us they them their he she his her i my me so than then there here which who whom what when " +
    "while if into onto over under up down out off about also can could may might will would should do does did has have " +
    "had not no nor very more most much many such just only even each all any both some own other how why where"
  ).split(" "),
);

// Words that say the same thing in these articles; each maps to one spelling.
const SYNONYMS: Record<string, string> = {
  every: "each",
  initial: "first",
  contract: "tighten",
  flex: "tighten",
  squeez: "squeeze",
  squeeze: "squeeze",
  compress: "squeeze",
  pool: "collect",
  gather: "collect",
  settle: "collect",
  like: "as",
  assist: "help",
  aid: "help",
  propel: "push",
  drive: "push",
  travel: "move",
  flow: "move",
  upward: "up",
  toward: "to",
  towards: "to",
  minute: "minute",
  min: "minute",
  few: "some",
  several: "some",
  oxygenat: "oxygen",
};

/** A light stemmer: enough to make "squeezes", "squeezing" and "squeezed" one word. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed")) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith("es") && /(ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith("ly")) w = w.slice(0, -2);
  if (w.length > 4 && w.endsWith("e")) w = w.slice(0, -1);
  return SYNONYMS[w] ?? w;
}

const rawWords = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/(\d+)-(minute|hour|day|week)/g, "$1 $2")
    .split(/[^a-z0-9-]+/)
    .flatMap((token) => (/^[a-z]+(-[a-z]+)+$/.test(token) && !COMMON_PHRASE_WORDS.has(token) ? token.split("-") : [token]))
    .map((token) => token.replace(/^-+|-+$/g, ""))
    .filter(Boolean);

const COMMON_PHRASE_WORDS = new Set(COMMON_PHRASES.flatMap((phrase) => phrase.split(" ")).filter((w) => w.includes("-")));
const PHRASES = COMMON_PHRASES.map((phrase) => rawWords(phrase).map(stem)).sort((a, b) => b.length - a.length);

/** Normalised words, with each common phrase folded into one token. */
export function normalisedWords(text: string): string[] {
  const words = rawWords(text).map(stem);
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    const phrase = PHRASES.find((p) => p.every((w, k) => words[i + k] === w));
    if (phrase) {
      out.push(phrase.join("_"));
      i += phrase.length;
    } else {
      out.push(words[i] as string);
      i += 1;
    }
  }
  return out;
}

function runsOf(words: string[]): Set<string> {
  const runs = new Set<string>();
  for (let i = 0; i + RUN <= words.length; i++) runs.add(words.slice(i, i + RUN).join(" "));
  return runs;
}

// Content words without folding the common phrases: a sentence that reuses a reference sentence's
// words, whatever the order or the small words between them, is what this looks for.
const contentWords = (sentence: string) =>
  rawWords(sentence)
    .map(stem)
    .filter((word) => !STOP_WORDS.has(word) && !/^\d+$/.test(word));

export function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?;:])\s+|\n+|\s[—–]\s/)
    .map((sentence) => sentence.trim())
    .filter(Boolean);
}

export interface Reference {
  runs: Set<string>;
  sentences: { text: string; words: Set<string> }[];
}

export function buildReference(texts: string[]): Reference {
  const runs = new Set<string>();
  const sentences: Reference["sentences"] = [];
  for (const text of texts) {
    for (const run of runsOf(normalisedWords(text))) runs.add(run);
    for (const sentence of sentencesOf(text)) sentences.push({ text: sentence, words: new Set(contentWords(sentence)) });
  }
  return { runs, sentences };
}

export interface NearCopy {
  kind: "run" | "sentence";
  ours: string;
  theirs?: string;
  shared?: number;
}

/** Every run and every sentence of `text` too close to the reference. */
export function findNearCopies(text: string, reference: Reference): NearCopy[] {
  const found: NearCopy[] = [];
  for (const run of runsOf(normalisedWords(text))) {
    if (reference.runs.has(run)) found.push({ kind: "run", ours: run });
  }
  for (const sentence of sentencesOf(text)) {
    const words = contentWords(sentence);
    let best = { shared: 0, theirs: "" };
    for (let start = 0; start + WINDOW <= words.length; start++) {
      const window = new Set(words.slice(start, start + WINDOW));
      for (const candidate of reference.sentences) {
        let shared = 0;
        for (const word of window) if (candidate.words.has(word)) shared++;
        if (shared > best.shared) best = { shared, theirs: candidate.text };
      }
    }
    if (best.shared >= WINDOW_SHARED) found.push({ kind: "sentence", ours: sentence, theirs: best.theirs, shared: best.shared });
  }
  return found;
}
