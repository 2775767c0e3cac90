import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MedicalDisclaimer } from "@/components/layout/medical-disclaimer";
import { ArticleCardSection } from "@/components/learn/article-card-section";
import { BookCta } from "@/components/learn/book-cta";
import { FurtherReading } from "@/components/learn/further-reading";
import { RedFlagBox } from "@/components/learn/red-flag-box";
import { TableOfContents, TableOfContentsDisclosure } from "@/components/learn/table-of-contents";
import { JsonLd } from "@/components/seo/json-ld";
import { listActiveServices } from "@/lib/catalog/services";
import { getArticle, getArticles, getRelatedArticles } from "@/lib/content/articles";
import { unlinkRetiredServices } from "@/lib/content/service-links";
import { findSection } from "@/lib/content/sections";
import { articlePage, breadcrumbList } from "@/lib/seo/structured-data";

export const dynamicParams = false;
// Prerendered, and rendered again from the catalogue cache: the related treatment's name and price
// follow the database (invalidateCatalog() at once, otherwise within CATALOG_REVALIDATE_SECONDS).
export const revalidate = 60;

export async function generateStaticParams() {
  return (await getArticles()).map((article) => ({ slug: article.slug }));
}

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const article = await getArticle((await params).slug);
  if (!article) return {};
  const path = `/learn/${article.slug}`;
  return {
    title: article.title,
    description: article.description,
    alternates: { canonical: path },
    authors: [{ name: article.author.name }],
    openGraph: {
      type: "article",
      url: path,
      title: article.title,
      description: article.description,
      publishedTime: article.published,
      modifiedTime: article.reviewed,
      authors: [article.author.name],
      section: findSection(article.section)?.title,
    },
    twitter: { card: "summary", title: article.title, description: article.description },
  };
}

const formatDay = (iso: string) =>
  new Intl.DateTimeFormat("en-US", { timeZone: "UTC", month: "long", day: "numeric", year: "numeric" }).format(
    new Date(`${iso}T00:00:00Z`),
  );

// Long pieces get a table of contents.
const TOC_MIN_SECTIONS = 4;

export default async function ArticlePage({ params }: Props) {
  const article = await getArticle((await params).slug);
  if (!article) notFound();
  const section = findSection(article.section);
  const [related, services] = await Promise.all([getRelatedArticles(article), listActiveServices()]);
  const relatedService = services.find((service) => service.slug === article.service) ?? null;
  const html = unlinkRetiredServices(article.html, new Set(services.map((service) => service.slug)));
  const showToc = article.headings.filter((h) => h.depth === 2).length >= TOC_MIN_SECTIONS;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8">
      <JsonLd
        data={[
          articlePage(article),
          breadcrumbList([
            { name: "Home", path: "/" },
            { name: "Learn", path: "/learn" },
            { name: section?.title ?? "Articles", path: `/learn/topics/${article.section}` },
            { name: article.title, path: `/learn/${article.slug}` },
          ]),
        ]}
      />
      <nav aria-label="Breadcrumb" className="text-sm text-muted">
        <ol className="flex flex-wrap gap-1">
          <li>
            <Link href="/learn" className="underline">
              Learn
            </Link>{" "}
            /
          </li>
          <li>
            <Link href={`/learn/topics/${article.section}`} className="underline">
              {section?.title}
            </Link>
          </li>
        </ol>
      </nav>

      <div className={`mt-4 grid gap-10 ${showToc ? "lg:grid-cols-[minmax(0,1fr)_18rem]" : ""}`}>
        <article className="min-w-0">
          <header id="article-top" className="max-w-3xl scroll-mt-4">
            <h1 className="text-4xl font-semibold text-teal-800 sm:text-5xl">{article.title}</h1>
            <p className="mt-4 text-xl text-muted">{article.description}</p>
            <dl className="mt-5 flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted">
              <div>
                <dt className="sr-only">Author</dt>
                <dd>
                  By <span className="font-semibold text-ink">{article.author.name}</span>, {article.author.title}
                </dd>
              </div>
              <div>
                <dt className="inline">Last reviewed </dt>
                <dd className="inline">
                  <time dateTime={article.reviewed}>{formatDay(article.reviewed)}</time>
                </dd>
              </div>
              <div>
                <dt className="sr-only">Reading time</dt>
                <dd>{article.readingMinutes} min read</dd>
              </div>
            </dl>
          </header>

          {article.showsRedFlags ? (
            <div className="mt-8 max-w-3xl">
              <RedFlagBox />
            </div>
          ) : null}

          {showToc ? <TableOfContentsDisclosure headings={article.headings} /> : null}

          <div className="article-body prose prose-lg mt-8 max-w-3xl" dangerouslySetInnerHTML={{ __html: html }} />

          {/* Long articles on a phone: a way back up to the title and the contents (a plain link, no script). */}
          <p className="mt-6 max-w-3xl">
            <a href="#article-top" className="inline-flex min-h-11 items-center font-semibold text-teal-800 underline">
              <span aria-hidden="true">↑&nbsp;</span>Back to the top{showToc ? " and contents" : ""}
            </a>
          </p>

          <div className="mt-10">
            <FurtherReading
              sources={article.furtherReading}
              checkedAgainst={article.sources}
              reviewed={article.reviewed}
              reviewedLabel={formatDay(article.reviewed)}
              author={article.author}
            />
          </div>

          <div className="mt-12 max-w-3xl space-y-8">
            <BookCta service={relatedService} />
            <aside aria-label="About the author" className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
              <p className="font-semibold">{article.author.name}</p>
              <p className="text-sm text-muted">{article.author.title}</p>
              <p className="mt-2">{article.author.bio}</p>
            </aside>
            <MedicalDisclaimer className="rounded-2xl bg-sand-deep p-5" />
          </div>
        </article>

        {showToc ? (
          <div className="hidden lg:block">
            <div className="sticky top-6">
              <TableOfContents headings={article.headings} />
            </div>
          </div>
        ) : null}
      </div>

      <ArticleCardSection id="related-heading" title="Keep reading" articles={related} />
    </div>
  );
}
