// Every sentence on the site is our own: no article may share a run of 8 or more consecutive
// words with the source articles in ../shared/reference.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadArticles } from "@/lib/content/articles";
import { AUTHORS } from "@/lib/content/authors";
import { DEMO_SERVICES } from "@/lib/demo/services";

const REFERENCE_DIR = path.resolve(process.cwd(), "../shared/reference");
const RUN = 8;

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

describe.skipIf(!hasReferences && !process.env.CI)("originality against the reference articles", () => {
  const reference = new Set<string>();
  for (const file of hasReferences ? readdirSync(REFERENCE_DIR) : []) {
    for (const run of runsOf(readFileSync(path.join(REFERENCE_DIR, file), "utf8"))) reference.add(run);
  }

  it("has the reference articles to compare with", () => {
    expect(reference.size).toBeGreaterThan(1000);
  });

  it("finds a copied run when there is one (the check itself works)", () => {
    const copied = readFileSync(path.join(REFERENCE_DIR, readdirSync(REFERENCE_DIR)[0] as string), "utf8").slice(
      200,
      600,
    );
    expect(sharedRuns(copied, reference).length).toBeGreaterThan(0);
  });

  it("no article shares 8 consecutive words with the references", async () => {
    const articles = await loadArticles();
    const offenders = articles.flatMap((article) =>
      sharedRuns(`${article.title} ${article.description} ${article.plainText}`, reference).map(
        (run) => `${article.slug}: "${run}"`,
      ),
    );
    expect(offenders).toEqual([]);
  });

  it("no service or therapist text shares 8 consecutive words with the references", () => {
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
  });
});
