// Full-text search over the articles, on the server: titles, descriptions, headings and body text,
// with typo tolerance (edit distance scaled to word length) and highlighted snippets.
import type { Article } from "./articles";

export interface SearchHit {
  article: Article;
  score: number;
  // Snippet as segments so the page can wrap matches in <mark> without building HTML strings.
  snippet: { text: string; match: boolean }[];
  titleSegments: { text: string; match: boolean }[];
}

export const MAX_QUERY_LENGTH = 100;

const STOP_WORDS = new Set(
  "a an and are as at be by can do for from how i in is it my of on or the to what when where who why with you your".split(" "),
);

export function tokenize(text: string): string[] {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

/** Damerau-Levenshtein distance (adjacent transpositions count as one edit), stopping early past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) (rows[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const row = rows[i] as number[];
    const prev = rows[i - 1] as number[];
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
  }
  return (rows[a.length] as number[])[b.length] as number;
}

function isAdjacentTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diffs: number[] = [];
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diffs.push(i);
  const [first, second] = diffs;
  return diffs.length === 2 && first !== undefined && second === first + 1 && a[first] === b[second] && a[second] === b[first];
}

// Typo allowance by term length: short words are too easily another real word ("clot"/"lot").
function withinTypoAllowance(term: string, word: string): boolean {
  if (term.length <= 3) return false;
  if (term.length === 4) return isAdjacentTransposition(term, word);
  const max = term.length <= 7 ? 1 : 2;
  return editDistance(term, word, max) <= max;
}

const singular = (word: string) => (word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word);

/**
 * How well a query term matches a word: 1 exact, 0.9 singular/plural, 0.8 prefix, and, only when
 * `fuzzy` (the term matches nothing literally anywhere), 0.6 within the typo allowance.
 */
export function termMatch(term: string, word: string, fuzzy = true): number {
  if (word === term) return 1;
  if (singular(word) === singular(term)) return 0.9;
  if (term.length >= 3 && word.startsWith(singular(term))) return 0.8;
  if (fuzzy && withinTypoAllowance(term, word)) return 0.6;
  return 0;
}

interface IndexedArticle {
  article: Article;
  fields: { words: Set<string>; weight: number }[];
}

export interface SearchIndex {
  entries: IndexedArticle[];
  // Every word of every article: a term found here literally is never matched by typo.
  vocabulary: Set<string>;
}

const FIELD_WEIGHTS = { title: 6, description: 3, headings: 2, body: 1 } as const;

export function buildSearchIndex(articles: Article[]): SearchIndex {
  const entries = articles.map((article) => ({
    article,
    fields: [
      { words: new Set(tokenize(article.title)), weight: FIELD_WEIGHTS.title },
      { words: new Set(tokenize(article.description)), weight: FIELD_WEIGHTS.description },
      { words: new Set(tokenize(article.headings.map((h) => h.text).join(" "))), weight: FIELD_WEIGHTS.headings },
      { words: new Set(tokenize(article.plainText)), weight: FIELD_WEIGHTS.body },
    ],
  }));
  const vocabulary = new Set(entries.flatMap((entry) => entry.fields.flatMap((field) => [...field.words])));
  return { entries, vocabulary };
}

interface QueryTerm {
  term: string;
  fuzzy: boolean;
}

function planQuery(query: string, vocabulary: Set<string>): QueryTerm[] {
  const terms = [...new Set(tokenize(query.slice(0, MAX_QUERY_LENGTH)))].slice(0, 8);
  return terms.map((term) => {
    let literal = false;
    for (const word of vocabulary) {
      if (termMatch(term, word, false) > 0) {
        literal = true;
        break;
      }
    }
    return { term, fuzzy: !literal };
  });
}

function bestMatch(query: QueryTerm, words: Set<string>): number {
  if (words.has(query.term)) return 1;
  let best = 0;
  for (const word of words) {
    const quality = termMatch(query.term, word, query.fuzzy);
    if (quality > best) best = quality;
    if (best >= 0.9) break;
  }
  return best;
}

function matchesAnyTerm(word: string, terms: QueryTerm[]): boolean {
  const token = tokenize(word)[0];
  return token !== undefined && terms.some((query) => termMatch(query.term, token, query.fuzzy) > 0);
}

/** Splits text into segments, marking the words that match a query term. */
export function highlight(text: string, terms: QueryTerm[] | string[]): { text: string; match: boolean }[] {
  const queries = terms.map((term) => (typeof term === "string" ? { term, fuzzy: true } : term));
  const segments: { text: string; match: boolean }[] = [];
  for (const part of text.split(/([A-Za-z0-9\u00C0-\u024F']+)/)) {
    if (part === "") continue;
    const match = /[A-Za-z0-9]/.test(part) && matchesAnyTerm(part, queries);
    const last = segments[segments.length - 1];
    if (last && last.match === match && !match) last.text += part;
    else segments.push({ text: part, match });
  }
  return segments;
}

function snippetAround(text: string, terms: QueryTerm[], radius = 120): string {
  const words = text.split(/\s+/);
  const index = words.findIndex((word) => matchesAnyTerm(word, terms));
  if (index < 0) return text.slice(0, radius * 2).trim() + (text.length > radius * 2 ? "…" : "");
  let start = index;
  let length = 0;
  while (start > 0 && length < radius / 2) length += (words[--start] ?? "").length + 1;
  let end = index;
  length = 0;
  while (end < words.length - 1 && length < radius * 1.5) length += (words[++end] ?? "").length + 1;
  return `${start > 0 ? "…" : ""}${words.slice(start, end + 1).join(" ")}${end < words.length - 1 ? "…" : ""}`;
}

/**
 * The query as it was searched when a word matched only by its typo allowance ("circulaton" →
 * "circulation"), so the page can say "Showing results for …"; null when nothing was corrected.
 */
export function correctedQuery(index: SearchIndex, query: string): string | null {
  const terms = planQuery(query, index.vocabulary);
  let corrected = false;
  const words = terms.map(({ term, fuzzy }) => {
    if (!fuzzy) return term;
    let best: { word: string; distance: number } | undefined;
    for (const word of index.vocabulary) {
      if (!withinTypoAllowance(term, word)) continue;
      const distance = editDistance(term, word, 2);
      if (!best || distance < best.distance || (distance === best.distance && word < best.word)) best = { word, distance };
    }
    if (!best) return term;
    corrected = true;
    return best.word;
  });
  return corrected ? words.join(" ") : null;
}

export function searchArticles(index: SearchIndex, query: string, limit = 20): SearchHit[] {
  const terms = planQuery(query, index.vocabulary);
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const entry of index.entries) {
    let score = 0;
    let matchedTerms = 0;
    for (const term of terms) {
      let termScore = 0;
      for (const field of entry.fields) termScore += bestMatch(term, field.words) * field.weight;
      if (termScore > 0) matchedTerms++;
      score += termScore;
    }
    // Every term must match somewhere, so adding a word narrows the results.
    if (matchedTerms < terms.length) continue;
    const bodyText = entry.article.snippetText;
    const source =
      [entry.article.description, bodyText].find((text) => text.split(/\s+/).some((word) => matchesAnyTerm(word, terms))) ?? bodyText;
    hits.push({
      article: entry.article,
      score,
      snippet: highlight(snippetAround(source, terms), terms),
      titleSegments: highlight(entry.article.title, terms),
    });
  }
  return hits.sort((a, b) => b.score - a.score || a.article.title.localeCompare(b.article.title)).slice(0, limit);
}
