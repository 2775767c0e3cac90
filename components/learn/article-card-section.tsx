import type { Article } from "@/lib/content/articles";
import { ArticleCard } from "./article-card";

// A headed row of article cards: "Keep reading", "Newest articles", a service's reading list.
export function ArticleCardSection({
  id,
  title,
  articles,
  className = "mt-14",
}: {
  id: string;
  title: string;
  articles: Article[];
  className?: string;
}) {
  if (articles.length === 0) return null;
  return (
    <section aria-labelledby={id} className={className}>
      <h2 id={id} className="text-2xl font-semibold text-teal-800 sm:text-3xl">
        {title}
      </h2>
      <div className="mt-4 grid gap-4 md:grid-cols-3">
        {articles.map((article) => (
          <ArticleCard key={article.slug} article={article} />
        ))}
      </div>
    </section>
  );
}
