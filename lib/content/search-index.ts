// The search index over all articles, built once per process from the static content.
import { getArticles } from "./articles";
import { buildSearchIndex, searchArticles, type SearchHit } from "./search";

let index: Promise<ReturnType<typeof buildSearchIndex>> | undefined;

export async function searchLearnArticles(query: string): Promise<SearchHit[]> {
  index ??= getArticles().then(buildSearchIndex);
  return searchArticles(await index, query);
}
