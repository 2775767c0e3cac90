// Education articles: Markdown with typed front matter, validated on load so any mistake fails
// `next build`. Services are named by slug and shown only while active, since the live catalogue is
// in the database and changes without a build.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { findAuthor, type Author } from "./authors";
import { renderMarkdown, type Heading } from "./markdown";
import { SECTION_SLUGS, type SectionSlug } from "./sections";
import { parseSource, type Source } from "./sources";

export const ARTICLES_DIR = path.join(process.cwd(), "content", "articles");
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const WORDS_PER_MINUTE = 200;

const isoDate = z.preprocess(
  (value) => (value instanceof Date ? value.toISOString().slice(0, 10) : value),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-09-15"),
);

export const frontMatterSchema = z
  .object({
    title: z.string().min(10).max(90),
    description: z.string().min(50).max(170),
    section: z.enum(SECTION_SLUGS),
    author: z.string().refine((slug) => findAuthor(slug) !== undefined, "must be the slug of an author in lib/content/authors.ts"),
    published: isoDate,
    reviewed: isoDate,
    related: z.array(z.string().regex(SLUG, "must be article slugs")).min(1).max(4),
    service: z.string().regex(SLUG, "must be a service slug"),
    featured: z.boolean().optional().default(false),
    redFlags: z.boolean().optional().default(false),
    // "Title — Publisher": public health bodies' pages whose guidance the article agrees with.
    furtherReading: z
      .array(z.string().refine((entry) => parseSource(entry) !== undefined, "entries must be \"Page title — Publisher\" with a publisher from lib/content/sources.ts"))
      .min(2, "needs at least 2 entries")
      .max(8),
    // What the last review checked the article's figures and thresholds against (same form).
    sources: z
      .array(z.string().refine((entry) => parseSource(entry) !== undefined, "entries must be \"Page title — Publisher\" with a publisher from lib/content/sources.ts"))
      .min(1, "needs at least 1 entry: what the review checked the figures against")
      .max(8),
  })
  .strict()
  .refine((fm) => fm.reviewed >= fm.published, { message: "reviewed must be on or after published", path: ["reviewed"] });

export interface Article {
  slug: string;
  title: string;
  description: string;
  section: SectionSlug;
  author: Author;
  published: string;
  reviewed: string;
  related: string[];
  service: string;
  furtherReading: Source[];
  /** What the review on `reviewed` checked the figures and thresholds against. */
  sources: Source[];
  featured: boolean;
  // Risk and symptom pages always carry the "when to seek care now" box.
  showsRedFlags: boolean;
  html: string;
  headings: Heading[];
  plainText: string;
  snippetText: string;
  wordCount: number;
  readingMinutes: number;
}

export class ContentError extends Error {
  override name = "ContentError";
}

export async function loadArticles(dir = ARTICLES_DIR): Promise<Article[]> {
  const problems: string[] = [];
  const files = readdirSync(/*turbopackIgnore: true*/ dir).filter((file) => file.endsWith(".md")).sort();
  const articles: Article[] = [];

  for (const file of files) {
    const slug = file.replace(/\.md$/, "");
    if (!SLUG.test(slug)) {
      problems.push(`${file}: file name must be a lowercase-hyphenated slug`);
      continue;
    }
    const { data, content } = matter(readFileSync(path.join(/*turbopackIgnore: true*/ dir, file), "utf8"));
    const parsed = frontMatterSchema.safeParse(data);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${file}: ${issue.path.join(".") || "front matter"} ${issue.message}`);
      continue;
    }
    const fm = parsed.data;
    const rendered = await renderMarkdown(content);
    const wordCount = rendered.plainText.split(/\s+/).filter(Boolean).length;
    articles.push({
      slug,
      title: fm.title,
      description: fm.description,
      section: fm.section,
      author: findAuthor(fm.author) as Author,
      published: fm.published,
      reviewed: fm.reviewed,
      related: fm.related,
      service: fm.service,
      furtherReading: fm.furtherReading.map((entry) => parseSource(entry) as Source),
      sources: fm.sources.map((entry) => parseSource(entry) as Source),
      featured: fm.featured,
      showsRedFlags: fm.section === "risks" || fm.redFlags,
      ...rendered,
      wordCount,
      readingMinutes: Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE)),
    });
  }

  const slugs = new Set(articles.map((article) => article.slug));
  for (const article of articles) {
    for (const related of article.related) {
      if (related === article.slug) problems.push(`${article.slug}.md: related lists the article itself`);
      else if (!slugs.has(related)) problems.push(`${article.slug}.md: related article "${related}" does not exist`);
    }
    for (const [, href] of article.html.matchAll(/href="([^"]*)"/g)) {
      // Only our own pages, in-page anchors, https, phone and email links: never javascript: and the like.
      if (href !== undefined && !/^(\/(?!\/)|#|https:\/\/|tel:|mailto:)/.test(href)) {
        problems.push(`${article.slug}.md: link "${href}" is not allowed (use /path, #anchor or https://)`);
      }
    }
    // The in-page link to the "when to seek care now" box works only where the page shows the box.
    if (!article.showsRedFlags && article.html.includes('href="#seek-care-now"')) {
      problems.push(`${article.slug}.md: links to #seek-care-now but does not show the red-flag box (set redFlags: true or link /learn/dvt-and-pulmonary-embolism#seek-care-now)`);
    }
    for (const [, target] of article.html.matchAll(/href="\/learn\/([^"#?]+)/g)) {
      if (target && !slugs.has(target)) problems.push(`${article.slug}.md: links to missing article /learn/${target}`);
    }
  }
  if (articles.filter((article) => article.featured).length > 1) problems.push("only one article may be featured");

  if (problems.length > 0) throw new ContentError(`Invalid articles in ${dir}:\n  ${problems.join("\n  ")}`);
  return articles;
}

let cache: Promise<Article[]> | undefined;

/** All articles, newest first. Loaded and validated once per process. */
export function getArticles(): Promise<Article[]> {
  cache ??= loadArticles().then((articles) => articles.sort((a, b) => b.published.localeCompare(a.published)));
  return cache;
}

export async function getArticle(slug: string): Promise<Article | undefined> {
  return (await getArticles()).find((article) => article.slug === slug);
}

export async function getArticlesInSection(section: SectionSlug): Promise<Article[]> {
  return (await getArticles()).filter((article) => article.section === section);
}

export async function getRelatedArticles(article: Article): Promise<Article[]> {
  const all = await getArticles();
  return article.related.map((slug) => all.find((candidate) => candidate.slug === slug)).filter((a): a is Article => Boolean(a));
}

/** The aftercare guide first, then the other articles that lead to this service. */
export async function getArticlesForService(serviceSlug: string, aftercareSlug?: string | null): Promise<Article[]> {
  const all = await getArticles();
  return all
    .filter((article) => article.service === serviceSlug || article.slug === aftercareSlug)
    .sort((a, b) => Number(b.slug === aftercareSlug) - Number(a.slug === aftercareSlug));
}
