// Every sentence on the site is our own: no article may share a run of 6 or more consecutive words
// with the source articles in ../shared/reference, nor be a near-copy of them (the same wording
// with a few words swapped, stemmed or reordered: lib/content/originality.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArticles } from "@/lib/content/articles";
import { AUTHORS } from "@/lib/content/authors";
import { buildReference, findNearCopies, normalisedWords } from "@/lib/content/originality";
import { DEMO_SERVICES } from "@/lib/dev/demo/services";

const REFERENCE_DIR = path.resolve(process.cwd(), "../shared/reference");
// Counted on the raw words (lowercased, punctuation dropped, nothing folded or stemmed), so a run of
// six words in a row that the references also have fails, whatever the words are.
const RUN = 6;

// Phrases of the references that our first edition echoed; they stay out of every article.
const ECHOED_PHRASES = [
  "act as a pump",
  "act like a pump",
  "assists the heart",
  "first phase of a step",
  "initial phase of a step",
  "only your hands",
  "five minutes every hour",
  "five-minute walk every hour",
  "blood and lymph",
];

const words = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’']/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);

function runsOf(text: string): Set<string> {
  const list = words(text);
  const runs = new Set<string>();
  for (let i = 0; i + RUN <= list.length; i++) runs.add(list.slice(i, i + RUN).join(" "));
  return runs;
}

function sharedRuns(text: string, reference: Set<string>): string[] {
  return [...runsOf(text)].filter((run) => reference.has(run));
}

const hasReferences = existsSync(REFERENCE_DIR);
const referenceTexts = hasReferences
  ? readdirSync(REFERENCE_DIR).map((file) => readFileSync(path.join(REFERENCE_DIR, file), "utf8"))
  : [];

// Taken from the references' facts, reworded the lazy way: synonyms swapped, words stemmed or
// dropped. The near-copy check must catch each one.
const PLANTED_NEAR_COPIES = [
  "Each time you tighten or flex those muscles, they squeeze the veins of the lower leg and help to push blood back up to the heart.",
  "When you sit for long spells, like a long flight or a car ride, your calves barely contract, so blood and lymph collect in the feet and lower legs.",
  "The ankles and the feet help as well, pushing blood during the first phase of each step.",
];

describe.skipIf(!hasReferences && !process.env.CI)("originality against the reference articles", () => {
  const reference = new Set<string>();
  for (const text of referenceTexts) for (const run of runsOf(text)) reference.add(run);
  const nearReference = buildReference(referenceTexts);

  it("has the reference articles to compare with", () => {
    expect(reference.size).toBeGreaterThan(1000);
  });

  it("finds a copied run when there is one (the check itself works)", () => {
    const copied = (referenceTexts[0] as string).slice(200, 600);
    expect(sharedRuns(copied, reference).length).toBeGreaterThan(0);
  });

  it("no article shares 6 consecutive words with the references", async () => {
    const articles = await loadArticles();
    const offenders = articles.flatMap((article) =>
      sharedRuns(`${article.title} ${article.description} ${article.plainText}`, reference).map(
        (run) => `${article.slug}: "${run}"`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it("fails at six words in a row shared with a reference, not at five", () => {
    // "they squeeze the veins in your lower legs" is in the first reference article.
    expect(sharedRuns("Our calves: they squeeze the veins in, we say.", reference)).toEqual([]);
    expect(sharedRuns("Our calves: they squeeze the veins in your lower, we say.", reference)).toEqual([
      "they squeeze the veins in your",
      "squeeze the veins in your lower",
    ]);
  });

  it.each(PLANTED_NEAR_COPIES)("catches a planted near-copy: %s", (planted) => {
    expect(
      findNearCopies(`Our own opening sentence about legs. ${planted} Our own closing line.`, nearReference),
    ).not.toEqual([]);
  });

  it("does not flag common medical phrases or our own plain sentences", () => {
    const ours =
      "Deep vein thrombosis is a blood clot in a deep vein. Peripheral artery disease narrows the arteries. " +
      "A pulmonary embolism is an emergency: call 911. Varicose veins and spider veins are common in later life. " +
      "Our therapists ask about your health before every session and stop if anything points to a clot.";
    expect(findNearCopies(ours, nearReference)).toEqual([]);
  });

  it("folds common medical phrases into one word, so naming them is never a shared run", () => {
    expect(normalisedWords("risk of deep vein thrombosis")).toEqual(["risk", "of", "deep_vein_thrombosis"]);
  });

  it("no article is a near-copy of the references (6-word runs after stemming, or a reworded sentence)", async () => {
    const articles = await loadArticles();
    const offenders = articles.flatMap((article) =>
      findNearCopies(`${article.title}. ${article.description}. ${article.plainText}`, nearReference).map(
        (copy) => `${article.slug}: ${copy.kind} "${copy.ours}"${copy.theirs ? ` ~ "${copy.theirs}"` : ""}`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it("no article keeps a phrase the first edition echoed from the references", async () => {
    const articles = await loadArticles();
    const offenders = articles.flatMap((article) => {
      const text = `${article.title} ${article.description} ${article.plainText}`.toLowerCase().replace(/[’]/g, "'");
      return ECHOED_PHRASES.filter((phrase) => text.includes(phrase)).map((phrase) => `${article.slug}: "${phrase}"`);
    });
    expect(offenders).toEqual([]);
  });

  it("no service or therapist text shares 6 consecutive words with the references, or is a near-copy", () => {
    const text = [
      ...DEMO_SERVICES.flatMap((s) => [
        s.summary,
        s.description,
        ...s.whoItHelps,
        ...s.whatToExpect,
        ...s.contraindications,
      ]),
      ...AUTHORS.map((author) => author.bio),
    ];
    expect(text.flatMap((t) => sharedRuns(t, reference))).toEqual([]);
    expect(text.flatMap((t) => findNearCopies(t, nearReference))).toEqual([]);
  });
});
