import { describe, expect, it } from "vitest";
import { loadArticles } from "@/lib/content/articles";
import { markdownToSnippetText } from "@/lib/content/markdown";
import {
  buildSearchIndex,
  correctedQuery,
  editDistance,
  highlight,
  searchArticles,
  termMatch,
} from "@/lib/content/search";

describe("search matching", () => {
  it.each([
    ["soleus", "soleus", 1],
    ["circ", "circulation", 0.8],
    ["solues", "soleus", 0.6], // transposition
    ["thrombsis", "thrombosis", 0.6], // missing letter
    ["vien", "vein", 0.6],
    ["leg", "log", 0], // short words must match exactly or as a prefix
    ["massage", "passage", 0.6],
    ["walking", "talking", 0.6],
    ["cramp", "swelling", 0],
  ])("%s against %s scores %s", (term, word, expected) => {
    expect(termMatch(term, word)).toBe(expected);
  });

  it("computes edit distance with transpositions", () => {
    expect(editDistance("calf", "claf", 2)).toBe(1);
    expect(editDistance("kitten", "sitting", 3)).toBe(3);
    expect(editDistance("a", "abcdef", 1)).toBe(2);
  });

  it("never uses typos when the term exists as written", () => {
    expect(termMatch("clot", "lot", false)).toBe(0);
    expect(termMatch("cramps", "cramp", false)).toBe(0.9);
    expect(termMatch("cramp", "cramps", false)).toBe(0.9);
  });

  it("marks matching words only", () => {
    expect(highlight("Swollen legs after flights", ["flight"])).toEqual([
      { text: "Swollen legs after ", match: false },
      { text: "flights", match: true },
    ]);
  });
});

describe("searching the articles", async () => {
  const index = buildSearchIndex(await loadArticles());
  const top = (query: string) => searchArticles(index, query)[0]?.article.slug;

  it.each([
    ["deep vein thrombosis", "dvt-and-pulmonary-embolism"],
    ["pulmonery embolism", "dvt-and-pulmonary-embolism"],
    ["self massage routine", "calf-self-massage-step-by-step"],
    ["toe raises", "calf-exercises-toe-raises-band-presses"],
    ["lymphatic aftercare", "aftercare-lymphatic-drainage"],
  ])("finds %s → %s", (query, slug) => {
    expect(top(query)).toBe(slug);
  });

  it("finds body text that is not in any title", () => {
    const hits = searchArticles(index, "gastrocnemius");
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0]?.snippet.some((segment) => segment.match && /gastrocnemius/i.test(segment.text))).toBe(true);
  });

  it("returns nothing for nonsense, an empty query or stop words only", () => {
    expect(searchArticles(index, "xylophone quasar")).toEqual([]);
    expect(searchArticles(index, "   ")).toEqual([]);
    expect(searchArticles(index, "the and of")).toEqual([]);
  });

  it("does not turn real words into other real words", () => {
    expect(searchArticles(index, "wine")).toEqual([]);
    const clot = searchArticles(index, "clot");
    const marked = clot.flatMap((hit) =>
      [...hit.snippet, ...hit.titleSegments].filter((s) => s.match).map((s) => s.text.toLowerCase()),
    );
    expect(marked.length).toBeGreaterThan(0);
    expect(marked.every((word) => word.startsWith("clot"))).toBe(true);
  });

  it("finds singular and plural alike", () => {
    expect(
      searchArticles(index, "cramps")
        .map((h) => h.article.slug)
        .sort(),
    ).toEqual(
      searchArticles(index, "cramp")
        .map((h) => h.article.slug)
        .sort(),
    );
  });

  it("keeps headings apart from the text that follows in snippets", async () => {
    const articles = await loadArticles();
    const withHeading = articles.find((a) => a.headings[0]);
    expect(withHeading?.plainText).toContain(`${withHeading?.headings[0]?.text}.`);
  });

  it("says which words it searched for when it corrected a typo, and nothing when it did not", () => {
    expect(correctedQuery(index, "circulaton")).toBe("circulation");
    expect(correctedQuery(index, "calf circulaton")).toBe("calf circulation");
    expect(correctedQuery(index, "circulation")).toBeNull();
    expect(correctedQuery(index, "calf")).toBeNull();
  });

  it("quotes prose in snippets: no doubled punctuation, no table rows, no headings", () => {
    for (const query of ["circulation", "swelling", "walking", "valves", "compression"]) {
      for (const hit of searchArticles(index, query)) {
        const text = hit.snippet.map((segment) => segment.text).join("");
        expect(text, `${query} → ${hit.article.slug}`).not.toMatch(/[.!?:;,]\s*[.]\s/);
        expect(text, `${query} → ${hit.article.slug}`).not.toMatch(/\|/);
        expect(text, `${query} → ${hit.article.slug}`).not.toMatch(/; [^;]{1,40}; [^;]{1,40}\./); // a flattened table row
      }
    }
  });

  it("builds snippet text from paragraphs and list items only", () => {
    const markdown = [
      "## Why do calves swell?",
      "",
      "Sitting still lets fluid settle.",
      "",
      "| Sign | What to do |",
      "| --- | --- |",
      "| Chest pain | Call 911 |",
      "",
      "- Walk for a few minutes:",
      "- Point and flex your feet",
      "",
      "> [!WARNING]",
      "> Sudden swelling in one calf needs a doctor.",
    ].join("\n");
    expect(markdownToSnippetText(markdown)).toBe(
      "Sitting still lets fluid settle. Walk for a few minutes: Point and flex your feet. Sudden swelling in one calf needs a doctor.",
    );
  });

  it("narrows results as words are added", () => {
    expect(searchArticles(index, "calf swelling flight").length).toBeLessThanOrEqual(
      searchArticles(index, "calf").length,
    );
  });
});
