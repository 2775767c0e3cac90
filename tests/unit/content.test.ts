// Build-time content validation: the real articles pass, and each kind of mistake fails loudly,
// naming the file and the field.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { redFlagSigns } from "@/lib/clinical/questionnaire";
import { describe, expect, it } from "vitest";
import { ARTICLES_DIR, ContentError, loadArticles } from "@/lib/content/articles";
import { buildSearchIndex, searchArticles } from "@/lib/content/search";
import { linkedServiceSlugs, unlinkRetiredServices } from "@/lib/content/service-links";
import { SECTIONS } from "@/lib/content/sections";
import { DEMO_SERVICES } from "@/lib/dev/demo/services";

const GOOD_FRONT_MATTER = {
  title: "A perfectly fine test article",
  description: "A description long enough to pass validation, between fifty and one hundred seventy characters.",
  section: "move",
  author: "maya-lindqvist",
  published: "2026-09-01",
  reviewed: "2026-10-01",
  related: ["second-article"],
  service: "calf-reset-30",
  furtherReading: [
    "Deep vein thrombosis (DVT) — NHS",
    "Peripheral Artery Disease — National Heart, Lung, and Blood Institute",
  ],
  sources: ["Deep Vein Thrombosis — MedlinePlus"],
};

// The six articles of the second edition (issue 11), each in the section a reader would look in.
const NEW_ARTICLES = {
  "your-first-visit-what-to-expect": "aftercare",
  "calf-cramp-clot-or-claudication": "risks",
  "runners-calves-strains-achilles-and-shin-splints": "move",
  "legs-in-pregnancy": "risks",
  "compression-socks-grades-fit-and-when-to-skip-them": "move",
  "varicose-veins-treatments-and-massage": "circulation",
} as const;

const frontMatterLine = ([key, value]: [string, unknown]) =>
  `${key}: ${Array.isArray(value) ? `[${value.map((item) => JSON.stringify(item)).join(", ")}]` : JSON.stringify(value)}`;

// The words of the "when to seek care now" box, which says them once for the whole site: its own
// sentences and the questionnaire's signs it lists.
const RED_FLAG_BOX_TEXT = [
  readFileSync(path.join(process.cwd(), "components/learn/red-flag-box.tsx"), "utf8")
    .split("return (")[1]
    ?.replace(/&apos;/g, "'")
    .replace(/<[^>]*>|\{[^}\n]*\}/g, " ") ?? "",
  ...redFlagSigns().emergency,
  ...redFlagSigns().sameDay,
].join(" ");
// Long enough that naming one symptom ("a leg or foot that suddenly turns cold, pale or blue") is fine.
const SEEK_CARE_RUN = 14;
const wordRuns = (text: string, length: number) => {
  const words = text
    .toLowerCase()
    .replace(/[’']/g, "")
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  return new Set(
    words.map((_, i) => words.slice(i, i + length).join(" ")).filter((run) => run.split(" ").length === length),
  );
};

function writeArticles(files: Record<string, Record<string, unknown> | string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "articles-"));
  for (const [name, frontMatter] of Object.entries(files)) {
    const header =
      typeof frontMatter === "string" ? frontMatter : Object.entries(frontMatter).map(frontMatterLine).join("\n");
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

  it("has the six second-edition articles, in their sections, each 600 to 1,500 words", () => {
    for (const [slug, section] of Object.entries(NEW_ARTICLES)) {
      const article = articles.find((a) => a.slug === slug);
      expect(article, slug).toBeDefined();
      expect(article?.section, slug).toBe(section);
      expect(article?.wordCount, slug).toBeGreaterThanOrEqual(600);
      expect(article?.wordCount, slug).toBeLessThanOrEqual(1500);
    }
  });

  it("ends every article with at least two sources from public health bodies, and a review date", () => {
    for (const article of articles) {
      expect(article.furtherReading.length, article.slug).toBeGreaterThanOrEqual(2);
      for (const source of article.furtherReading) expect(source.title.length, article.slug).toBeGreaterThan(2);
      expect(article.reviewed, article.slug).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  // The full seek-care guidance lives in components/learn/red-flag-box.tsx; articles give one line and a link.
  it("never repeats the red-flag box's seek-care guidance in an article", () => {
    const boxRuns = wordRuns(RED_FLAG_BOX_TEXT, SEEK_CARE_RUN);
    expect(boxRuns.size).toBeGreaterThan(20);
    const repeated = articles.flatMap((article) =>
      [...wordRuns(article.plainText, SEEK_CARE_RUN)]
        .filter((run) => boxRuns.has(run))
        .map((run) => `${article.slug}: "${run}"`),
    );
    expect(repeated).toEqual([]);
    const longParagraph =
      /urgent care or an emergency room|call 911 for chest pain, sudden breathlessness, coughing up blood/i;
    expect(articles.filter((article) => longParagraph.test(article.plainText)).map((a) => a.slug)).toEqual([]);
  });

  it("sends every warning callout about a clot to the box, in one short paragraph", () => {
    for (const article of articles) {
      for (const [callout] of article.html.matchAll(/<aside class="callout callout-warning"[\s\S]*?<\/aside>/g)) {
        const text = callout.replace(/<[^>]*>/g, " ").replace(/\s+/g, " ");
        if (/seek-care-now/.test(callout)) expect(text.split(" ").length, article.slug).toBeLessThan(70);
      }
    }
    const linking = articles.filter((article) => article.html.includes("seek-care-now"));
    expect(linking.length).toBeGreaterThanOrEqual(15);
  });

  // The calf pump is explained in its own article (and the valves in theirs); others say it in a line and link.
  it("explains the calf pump's mechanics only in the pump and valve articles", () => {
    const mechanics =
      /squeez\w* (the |your )?(deep )?(leg )?veins|push\w* blood (back )?up|veins (inside|within) (them|it)|press\w* on the (deep )?veins/i;
    const explainers = new Set(["calf-muscle-pump-second-heart", "one-way-valves-and-venous-return"]);
    const reExplaining = articles
      .filter((a) => !explainers.has(a.slug) && mechanics.test(a.plainText))
      .map((a) => a.slug);
    expect(reExplaining).toEqual([]);
  });

  it("opens every aftercare guide with a five-line summary", () => {
    for (const service of DEMO_SERVICES) {
      const guide = articles.find((a) => a.slug === service.aftercareSlug);
      const summary =
        /^<aside class="callout callout-note callout-summary" role="note" aria-label="In short">([\s\S]*?)<\/aside>/.exec(
          guide?.html ?? "",
        );
      expect(summary, service.aftercareSlug).not.toBeNull();
      expect(summary?.[1]?.match(/<li>/g)?.length, service.aftercareSlug).toBe(5);
    }
  });

  it("has no article, link, related entry or search result for a retired slug, and redirects each", async () => {
    const configModule = (await import(
      /* @vite-ignore */ pathToFileURL(path.join(process.cwd(), "next.config.mjs")).href
    )) as {
      default: (phase: string) => {
        redirects: () => Promise<{ source: string; destination: string; permanent: boolean }[]>;
      };
      RETIRED_ARTICLES: { slug: string; replacedBy: string }[];
    };
    const retired = configModule.RETIRED_ARTICLES;
    expect(retired.map((r) => r.slug)).toContain("walking-breaks-five-minutes-an-hour");
    const redirects = await configModule.default("phase-development-server").redirects();
    const index = buildSearchIndex(articles);
    for (const { slug, replacedBy } of retired) {
      expect(existsSync(path.join(ARTICLES_DIR, `${slug}.md`)), slug).toBe(false);
      expect(
        articles.some((a) => a.slug === replacedBy),
        replacedBy,
      ).toBe(true);
      for (const article of articles) {
        expect(article.related, article.slug).not.toContain(slug);
        expect(article.html, article.slug).not.toContain(`/learn/${slug}`);
      }
      expect(searchArticles(index, "walking breaks").map((hit) => hit.article.slug)).not.toContain(slug);
      expect(redirects).toContainEqual({
        source: `/learn/${slug}`,
        destination: `/learn/${replacedBy}`,
        permanent: true,
      });
    }
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
    ["no further reading", { ...GOOD_FRONT_MATTER, furtherReading: undefined }, /first-article\.md: furtherReading/],
    [
      "a single further-reading entry",
      { ...GOOD_FRONT_MATTER, furtherReading: ["Varicose veins — NHS"] },
      /furtherReading needs at least 2 entries/,
    ],
    [
      "a source that is not a public health body",
      { ...GOOD_FRONT_MATTER, furtherReading: ["Varicose veins — NHS", "Ten leg hacks — Some Blog"] },
      /furtherReading\.1 entries must be "Page title — Publisher"/,
    ],
    ["no review date", { ...GOOD_FRONT_MATTER, reviewed: undefined }, /first-article\.md: reviewed/],
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
        .map(frontMatterLine)
        .join("\n")}\n---\n\nSee [this](/learn/missing-piece).\n`,
    );
    await expect(loadArticles(dir)).rejects.toThrow(/links to missing article \/learn\/missing-piece/);
  });
});

describe("the link to the red-flag box", () => {
  const withBody = (frontMatter: Record<string, unknown>, body: string) => {
    const dir = writeArticles({
      "first-article.md": frontMatter,
      "second-article.md": { ...GOOD_FRONT_MATTER, related: ["first-article"] },
    });
    writeFileSync(
      path.join(dir, "first-article.md"),
      `---\n${Object.entries(frontMatter).map(frontMatterLine).join("\n")}\n---\n\n${body}\n`,
    );
    return dir;
  };

  it("is refused on a page that does not show the box", async () => {
    const dir = withBody(GOOD_FRONT_MATTER, "See [when to seek care now](#seek-care-now).");
    await expect(loadArticles(dir)).rejects.toThrow(/links to #seek-care-now but does not show the red-flag box/);
  });

  it("is accepted where the page shows it", async () => {
    const dir = withBody({ ...GOOD_FRONT_MATTER, redFlags: true }, "See [when to seek care now](#seek-care-now).");
    await expect(loadArticles(dir)).resolves.toHaveLength(2);
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
      const header = Object.entries(GOOD_FRONT_MATTER).map(frontMatterLine).join("\n");
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
