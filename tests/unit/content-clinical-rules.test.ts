// The articles say what the booking form does (clinical rules, questionnaire v2): one rule each for a
// past clot, swelling after travel, a bruised calf, pain at rest, pain on walking, a recent birth and
// cellulitis; the symptoms-by-urgency article describes the form's five outcomes; US English and US
// care pathways; and every article names its review date and the sources the review checked.
import { readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { beforeAll, describe, expect, it } from "vitest";
import { ARTICLES_DIR, loadArticles, type Article } from "@/lib/content/articles";
import { DEMO_SERVICES } from "@/lib/dev/demo/services";

let articles: Article[] = [];
beforeAll(async () => {
  articles = await loadArticles();
});

// The title, the description and the Markdown body, links unwrapped and emphasis dropped.
const textOf = (article: Article) =>
  [
    article.title,
    article.description,
    matter(readFileSync(path.join(ARTICLES_DIR, `${article.slug}.md`), "utf8"))
      .content.replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")
      .replace(/[*_`]/g, ""),
  ].join("\n");

// A paragraph, a list item or a table row: a rule and its advice often sit either side of a colon
// or in two cells of one row, so the block, not the sentence, is what must say both.
const blocksOf = (article: Article) =>
  textOf(article)
    .split(/\n+/)
    .map((block) => block.replace(/\s+/g, " ").trim())
    .filter(Boolean);

/** Every block of every article that matches all the patterns, as "slug: block". */
function blocksMatching(...patterns: RegExp[]): string[] {
  return articles.flatMap((article) =>
    blocksOf(article)
      .filter((sentence) => patterns.every((pattern) => pattern.test(sentence)))
      .map((sentence) => `${article.slug}: ${sentence}`),
  );
}

const BIRTH = /\b(gave|giving|given) birth\b|\bafter (the |a )?birth\b|\bpostpartum\b|\bhad a baby\b/i;

describe("articles and the clinical rules", () => {
  it("never send symptoms to the clinic instead of a doctor", () => {
    expect(blocksMatching(/call us (first|before)/i)).toEqual([]);
    expect(blocksMatching(/before you come/i, /call us/i)).toEqual([]);
  });

  it("say 12 weeks, never 6, for waiting after a birth", () => {
    // The clot risk is highest in the first 6 weeks (ACOG, CDC) and stays raised to about 12: a
    // sentence may give the 6-week peak, but only beside the 12 weeks the clinic waits.
    expect(blocksMatching(BIRTH, /\b(6|six) weeks\b/i).filter((s) => !/\b(12|twelve) weeks\b/i.test(s))).toEqual([]);
    const rules = blocksMatching(BIRTH, /go-ahead|before (any|a) (session|massage)|wait/i);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((s) => !/\b(12|twelve) weeks\b/i.test(s))).toEqual([]);
  });

  it("ask a doctor's go-ahead for a past clot only when it was in the last 6 months or is still treated", () => {
    const clotRules = blocksMatching(
      /\b(past|previous|earlier|had a) (blood )?clot\b|\bclot history\b/i,
      /go-ahead|clearance/i,
    );
    expect(clotRules.filter((s) => !/\b(6|six) months\b|still (being )?treated|being treated/i.test(s))).toEqual([]);
    // And where an article tells the reader about a past clot, "tell your therapist" is the rule.
    expect(
      blocksMatching(/\b(past|previous|earlier) (blood )?clot\b/i, /tell (your therapist|us)/i).length,
    ).toBeGreaterThan(0);
  });

  it("send one-sided swelling after a trip to a doctor today, and call swelling in both ankles common", () => {
    const travelSwelling = blocksMatching(/\b(trip|flight|travel\w*|journey|drive)\b/i, /swell/i, /doctor/i);
    expect(travelSwelling.length).toBeGreaterThan(0);
    expect(travelSwelling.filter((s) => !/\bone (calf|leg)\b/i.test(s))).toEqual([]);
    expect(blocksMatching(/both (ankles|legs)/i, /\b(trip|flight|travel\w*)\b/i, /common/i).length).toBeGreaterThan(0);
  });

  it("have one rule for a bruised calf: a known knock is worked around, a pop or no tiptoe is a doctor today", () => {
    expect(blocksMatching(/bruis/i, /\bwait\b|24 hours/i)).toEqual([]);
    const pops = blocksMatching(/\bpop\b/i, /doctor|check/i);
    expect(pops.length).toBeGreaterThan(0);
    expect(pops.filter((s) => !/today|same day|same-day/i.test(s))).toEqual([]);
  });

  it("call pain at rest or at night a doctor today (not a cramp), and pain on walking a doctor's go-ahead", () => {
    const rest = blocksMatching(/\bpain\b|\bhurts?\b|\baches?\b/i, /\bat rest\b|wakes? you at night/i).filter(
      (s) => !/cramp/i.test(s),
    );
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.filter((s) => !/today|911/i.test(s))).toEqual([]);
    expect(blocksMatching(/\bat rest\b|at night/i, /within a day or two|promptly|soon\b/i)).toEqual([]);
    const claudication = articles.filter((article) => /claudication/i.test(article.plainText));
    expect(claudication.length).toBeGreaterThan(0);
    for (const article of claudication) {
      expect(
        blocksOf(article).some((s) => /claudication|when you walk|on walking/i.test(s) && /go-ahead/i.test(s)),
        article.slug,
      ).toBe(true);
    }
  });

  it("send cellulitis to a doctor today", () => {
    const cellulitis = blocksMatching(/cellulitis/i);
    expect(cellulitis.length).toBeGreaterThan(0);
    for (const article of articles.filter((a) => /cellulitis/i.test(a.plainText))) {
      expect(
        blocksOf(article).some((s) => /cellulitis/i.test(s) && /today/i.test(s)),
        article.slug,
      ).toBe(true);
    }
  });

  it("keep the surgery and vein-procedure wait at 12 weeks", () => {
    expect(
      blocksMatching(
        /(surgery|operation|procedure|hospital stay)[^.;]*\b(6|six|4|four|8|eight) weeks\b/i,
        /go-ahead|book|massage/i,
      ),
    ).toEqual([]);
  });

  it("describe, in the symptoms-by-urgency article, the five outcomes the booking form gives", () => {
    const urgency = articles.find((a) => a.slug === "leg-circulation-symptoms-by-urgency");
    const headings = (urgency?.headings ?? []).filter((h) => h.depth === 2).map((h) => h.text);
    const tiers = [/911/, /doctor today/i, /go-ahead first/i, /when you('| a)re well/i, /tell your therapist/i];
    for (const tier of tiers)
      expect(
        headings.some((h) => tier.test(h)),
        String(tier),
      ).toBe(true);
    // Only an article that describes the form's tiers may promise they are the form's tiers.
    const promising = articles.filter((a) =>
      /same (three |five )?(tiers|levels|outcomes)|(tiers|levels) the (booking )?form/i.test(a.plainText),
    );
    expect(promising.map((a) => a.slug)).toEqual(["leg-circulation-symptoms-by-urgency"]);
    expect(urgency?.plainText).not.toMatch(/three tiers/i);
  });
});

// British spellings and UK care pathways the second edition replaced.
const BRITISH = [
  /\bcolours?\b/i,
  /\bcentres?\b/i,
  /\b(centi|milli)?metres?\b/i,
  /\blitres?\b/i,
  /\bGPs?\b/,
  /A&E/,
  /\bhaematoma/i,
  /oedema/i,
  /\banaemi/i,
  /ischaemi/i,
  /paediatric/i,
  /orthopaedic/i,
  /\bpractis(e|ing|ed)\b/i,
  /\bprogrammes?\b/i,
  /\bbehaviour/i,
  /\bfavourite/i,
  /\btumours?\b/i,
  /\btravell(ed|er|ers|ing)\b/i,
  /\b\w+is(e|ed|es|ing|ation)\b(?<=(recogn|organ|minim|mobil|stabil|prioriti|real|moistur|special|immobil)is(e|ed|es|ing|ation))/i,
  /\bcaesarean\b/i,
  /\bmaternity unit\b/i,
  /\btrousers\b/i,
  /\bwhilst\b/i,
  /\bfortnight/i,
  /\btowards\b/i,
  /\bNHS 111\b|\b111\b|\b999\b/,
  /\bmum\b/i,
];

describe("articles in US English with US care pathways", () => {
  it("use no British spelling or UK-only service", () => {
    const found = articles.flatMap((article) =>
      BRITISH.filter((pattern) => pattern.test(textOf(article))).map(
        (pattern) => `${article.slug}: ${textOf(article).match(pattern)?.[0]}`,
      ),
    );
    expect(found).toEqual([]);
  });

  it("the spelling check catches what it is meant to", () => {
    const sample = "See your GP, go to A&E, a haematoma, lymphoedema, the colour, a centre, recognised, travelled.";
    const caught = BRITISH.filter((pattern) => pattern.test(sample)).length;
    expect(caught).toBeGreaterThanOrEqual(8);
    expect(
      BRITISH.filter((pattern) => pattern.test("See your doctor; the color of the center, recognized, traveled.")),
    ).toEqual([]);
  });

  it("name at least one US source beside any NHS page in further reading", () => {
    for (const article of articles) {
      expect(
        article.furtherReading.some(
          (s) => s.publisher !== "NHS" && s.publisher !== "National Institute for Health and Care Excellence",
        ),
        article.slug,
      ).toBe(true);
    }
  });
});

describe("review lines", () => {
  it("give every article this edition's review date and at least one source checked", () => {
    for (const article of articles) {
      expect(article.reviewed >= "2026-12-07", `${article.slug} reviewed ${article.reviewed}`).toBe(true);
      expect(article.sources.length, article.slug).toBeGreaterThanOrEqual(1);
    }
  });
});

describe("aftercare guides", () => {
  // Callouts (the five-line summary, the one-line warning that links to the red-flag box) are left
  // out: the same short safety line on every page is the rule, not boilerplate.
  const SHARED_RUN = 12;
  const runsOf = (text: string) => {
    const words = text
      .toLowerCase()
      .split(/[^a-z0-9']+/)
      .filter(Boolean);
    const runs = new Set<string>();
    for (let i = 0; i + SHARED_RUN <= words.length; i++) runs.add(words.slice(i, i + SHARED_RUN).join(" "));
    return runs;
  };

  it("link to the one shared 'after any calf massage' article instead of repeating it", () => {
    const guides = DEMO_SERVICES.map((service) => articles.find((a) => a.slug === service.aftercareSlug));
    for (const guide of guides) expect(guide?.html, guide?.slug).toContain('href="/learn/after-any-calf-massage');
    const shared = articles.find((a) => a.slug === "after-any-calf-massage");
    expect(shared?.headings.map((h) => h.id)).toContain("when-to-see-a-doctor");
    // No two guides (nor a guide and the shared article) share a run of 12 words outside callouts.
    const prose = (article: Article | undefined) =>
      article
        ? blocksOf(article)
            .filter((block) => !block.startsWith(">"))
            .join(" ")
        : "";
    const texts = [...guides, shared].map((a) => ({ slug: a?.slug ?? "", runs: runsOf(prose(a)) }));
    const repeated: string[] = [];
    for (const [i, a] of texts.entries()) {
      for (const b of texts.slice(i + 1)) {
        for (const run of a.runs) if (b.runs.has(run)) repeated.push(`${a.slug} / ${b.slug}: "${run}"`);
      }
    }
    expect(repeated).toEqual([]);
  });
});

// The emails' and calendar file's symptom advice (lib/clinical/symptom-advice.ts) gives the outcome
// the questionnaire gives the same signs: one-sided calf symptoms are a doctor today, chest pain or
// sudden breathlessness is 911, and both messages carry the questionnaire's own escalation words.
describe("symptom advice agrees with the questionnaire", async () => {
  const { screen, OUTCOME_MESSAGES } = await import("@/lib/clinical/questionnaire");
  const { SYMPTOM_ADVICE } = await import("@/lib/clinical/symptom-advice");

  it("sends one-sided calf pain, swelling, warmth or redness to a doctor today", () => {
    expect(screen({ suddenPainOrSwelling: true }).outcome).toBe("same_day");
    expect(OUTCOME_MESSAGES.same_day.title).toMatch(/doctor today/);
    expect(SYMPTOM_ADVICE.sameDay).toMatch(/one calf/);
    expect(SYMPTOM_ADVICE.sameDay).toMatch(/doctor today/);
    expect(SYMPTOM_ADVICE.sameDay).toMatch(/urgent care/);
  });

  it("sends chest pain or sudden breathlessness to 911", () => {
    expect(screen({ chestPainOrBreathlessness: true }).outcome).toBe("emergency");
    expect(OUTCOME_MESSAGES.emergency.title).toMatch(/911/);
    expect(SYMPTOM_ADVICE.emergency).toMatch(/[Cc]hest pain/);
    expect(SYMPTOM_ADVICE.emergency).toMatch(/call 911/);
  });
});
