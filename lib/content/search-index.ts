// The search index over all articles, built once per process from the static content.
import { getArticles } from "./articles";
import { buildSearchIndex, correctedQuery, searchArticles, type SearchHit } from "./search";

let index: Promise<ReturnType<typeof buildSearchIndex>> | undefined;

export async function searchLearnArticles(query: string): Promise<{ hits: SearchHit[]; correctedTo: string | null }> {
  index ??= getArticles().then(buildSearchIndex);
  const built = await index;
  const hits = searchArticles(built, query);
  return { hits, correctedTo: hits.length > 0 ? correctedQuery(built, query) : null };
}
