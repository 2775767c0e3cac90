// Build-time content validation: the real articles pass, and each kind of mistake fails loudly,
// naming the file and the field.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ContentError, loadArticles } from "@/lib/content/articles";
import { linkedServiceSlugs, unlinkRetiredServices } from "@/lib/content/service-links";
import { SECTIONS } from "@/lib/content/sections";
import { DEMO_SERVICES } from "@/lib/demo/services";

const GOOD_FRONT_MATTER = {
  title: "A perfectly fine test article",
  description: "A description long enough to pass validation, between fifty and one hundred seventy characters.",
  section: "move",
  author: "maya-lindqvist",
  published: "2026-09-01",
  reviewed: "2026-10-01",
  related: ["second-article"],
  service: "calf-reset-30",
};

function writeArticles(files: Record<string, Record<string, unknown> | string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "articles-"));
  for (const [name, frontMatter] of Object.entries(files)) {
    const header =
      typeof frontMatter === "string"
        ? frontMatter
        : Object.entries(frontMatter)
            .map(([key, value]) => `${key}: ${Array.isArray(value) ? `[${value.join(", ")}]` : JSON.stringify(value)}`)
            .join("\n");
    writeFileSync(path.join(dir, name), `---\n${header}\n---\n\nBody text.\n\n## A heading\n\nMore text.\n`);
  }
  return dir;
}

const pair = (first: Record<string, unknown>) =>
  writeArticles({
    "first-article.md": first,
    "second-article.md": { ...GOOD_FRONT_MATTER, related: ["first-article"] },
  });

describe("the site's articles", async () => {
  const articles = await loadArticles();

  it("has at least ten, each 600 to 1,500 words", () => {
    expect(articles.length).toBeGreaterThanOrEqual(10);
    for (const article of articles) {
      expect(article.wordCount, article.slug).toBeGreaterThanOrEqual(600);
      expect(article.wordCount, article.slug).toBeLessThanOrEqual(1500);
    }
  });

  it("covers every section", () => {
    for (const section of SECTIONS)
      expect(
        articles.some((a) => a.section === section.slug),
        section.slug,
      ).toBe(true);
  });

  it("has an aftercare guide for every service, linked from it and leading back to it", () => {
    for (const service of DEMO_SERVICES) {
      const guide = articles.find((a) => a.slug === service.aftercareSlug);
      expect(guide, service.slug).toBeDefined();
      expect(guide?.section).toBe("aftercare");
      expect(guide?.service).toBe(service.slug);
    }
  });

  // The build cannot check services (the catalogue lives in the database and changes without a
  // build); the articles are written for the demo catalogue, so this is where a typo is caught.
  it("names, in front matter and in links, only services of the demo catalogue", () => {
    const demoSlugs = new Set(DEMO_SERVICES.map((service) => service.slug));
    const unknown = articles.flatMap((article) =>
      [article.service, ...linkedServiceSlugs(article.html)]
        .filter((slug) => !demoSlugs.has(slug))
        .map((slug) => `${article.slug}: ${slug}`),
    );
    expect(unknown).toEqual([]);
    expect(articles.filter((article) => linkedServiceSlugs(article.html).length > 0).length).toBeGreaterThan(5);
  });

  it("shows the red-flag box on every risks article", () => {
    for (const article of articles.filter((a) => a.section === "risks"))
      expect(article.showsRedFlags, article.slug).toBe(true);
  });

  it("renders headings with anchors and callouts as labelled asides", () => {
    const withCallout = articles.find((a) => a.html.includes("callout-warning"));
    expect(withCallout?.html).toMatch(/<aside class="callout callout-warning" role="note" aria-label="Warning">/);
    expect(withCallout?.html).not.toContain("[!WARNING]");
    const first = articles[0];
    expect(first?.headings.length).toBeGreaterThan(0);
    expect(first?.html).toContain(`id="${first?.headings[0]?.id}"`);
  });
});

describe("content validation", () => {
  it("accepts a valid pair of articles", async () => {
    const loaded = await loadArticles(pair(GOOD_FRONT_MATTER));
    expect(loaded.map((a) => a.slug)).toEqual(["first-article", "second-article"]);
    expect(loaded[0]?.readingMinutes).toBe(1);
  });

  it.each([
    ["a missing field", { ...GOOD_FRONT_MATTER, title: undefined }, /first-article\.md: title/],
    ["an unknown section", { ...GOOD_FRONT_MATTER, section: "gossip" }, /first-article\.md: section/],
    [
      "an unknown author",
      { ...GOOD_FRONT_MATTER, author: "dr-nobody" },
      /author must be the slug of an author in lib\/content\/authors\.ts/,
    ],
    ["a service that is not a slug", { ...GOOD_FRONT_MATTER, service: "Hot Stones" }, /service must be a service slug/],
    [
      "a review before publication",
      { ...GOOD_FRONT_MATTER, reviewed: "2026-08-01" },
      /reviewed must be on or after published/,
    ],
    [
      "a related article that does not exist",
      { ...GOOD_FRONT_MATTER, related: ["ghost-article"] },
      /related article "ghost-article" does not exist/,
    ],
    ["an unexpected field", { ...GOOD_FRONT_MATTER, tags: ["x"] }, /first-article\.md: front matter/],
  ])("rejects %s", async (_label, frontMatter, message) => {
    const clean = Object.fromEntries(Object.entries(frontMatter).filter(([, v]) => v !== undefined));
    const error = await loadArticles(pair(clean)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as Error).message).toMatch(message);
  });

  it("rejects a file name that is not a slug", async () => {
    const dir = writeArticles({ "Bad_Name.md": GOOD_FRONT_MATTER });
    await expect(loadArticles(dir)).rejects.toThrow(/Bad_Name\.md: file name must be a lowercase-hyphenated slug/);
  });

  it("rejects a link to an article that does not exist", async () => {
    const dir = writeArticles({
      "first-article.md": { ...GOOD_FRONT_MATTER, related: ["second-article"] },
      "second-article.md": { ...GOOD_FRONT_MATTER, related: ["first-article"] },
    });
    writeFileSync(
      path.join(dir, "first-article.md"),
      `---\n${Object.entries({ ...GOOD_FRONT_MATTER })
        .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(", ")}]` : JSON.stringify(v)}`)
        .join("\n")}\n---\n\nSee [this](/learn/missing-piece).\n`,
    );
    await expect(loadArticles(dir)).rejects.toThrow(/links to missing article \/learn\/missing-piece/);
  });
});

describe("links to services in articles", () => {
  const html =
    '<p>Try our <a href="/services/calf-reset-30">Calf Reset</a> or the <a href="/services/hot-stones">Hot Stones</a>; ' +
    'see <a href="/learn/aftercare-calf-reset">aftercare</a>.</p>';

  it("finds each linked service", () => {
    expect(linkedServiceSlugs(html)).toEqual(["calf-reset-30", "hot-stones"]);
  });

  it("keeps links to active services and turns links to retired ones into plain text", () => {
    expect(unlinkRetiredServices(html, new Set(["calf-reset-30"]))).toBe(
      '<p>Try our <a href="/services/calf-reset-30">Calf Reset</a> or the Hot Stones; ' +
        'see <a href="/learn/aftercare-calf-reset">aftercare</a>.</p>',
    );
  });
});

describe("links in articles", () => {
  it.each(["javascript:alert(1)", "data:text/html,hi", "//evil.test/x", "http://insecure.test"])(
    "refuses %s",
    async (href) => {
      const dir = writeArticles({
        "first-article.md": { ...GOOD_FRONT_MATTER, related: ["second-article"] },
        "second-article.md": { ...GOOD_FRONT_MATTER, related: ["first-article"] },
      });
      const header = Object.entries(GOOD_FRONT_MATTER)
        .map(([k, v]) => `${k}: ${Array.isArray(v) ? `[${v.join(", ")}]` : JSON.stringify(v)}`)
        .join("\n");
      writeFileSync(path.join(dir, "first-article.md"), `---\n${header}\n---\n\nSee [this](${href}).\n`);
      await expect(loadArticles(dir)).rejects.toThrow(/is not allowed/);
    },
  );

  it("wraps tables in a focusable, labelled scroll region", async () => {
    const articles = await loadArticles();
    const withTable = articles.find((a) => a.html.includes("<table"));
    expect(withTable?.html).toMatch(
      /<div class="table-scroll" role="region" tabindex="0" aria-label="Table \(scrolls sideways\)"><table>/,
    );
  });
});
