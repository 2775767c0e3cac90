// /sitemap.xml: the public pages, every article (dated by its last review) and every active service.
import type { MetadataRoute } from "next";
import { listActiveServices } from "@/lib/catalog/services";
import { getArticles } from "@/lib/content/articles";
import { SECTIONS } from "@/lib/content/sections";
import { absoluteUrl } from "@/lib/site-url";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const [articles, services] = await Promise.all([getArticles(), listActiveServices()]);
  return [
    { url: absoluteUrl("/"), changeFrequency: "weekly", priority: 1 },
    { url: absoluteUrl("/learn"), changeFrequency: "weekly", priority: 0.9 },
    { url: absoluteUrl("/services"), changeFrequency: "monthly", priority: 0.9 },
    { url: absoluteUrl("/book"), changeFrequency: "monthly", priority: 0.8 },
    { url: absoluteUrl("/privacy"), changeFrequency: "yearly", priority: 0.3 },
    ...SECTIONS.map((section) => ({
      url: absoluteUrl(`/learn/topics/${section.slug}`),
      changeFrequency: "monthly" as const,
      priority: 0.6,
    })),
    ...articles.map((article) => ({
      url: absoluteUrl(`/learn/${article.slug}`),
      lastModified: article.reviewed,
      changeFrequency: "monthly" as const,
      priority: 0.7,
    })),
    ...services.map((service) => ({
      url: absoluteUrl(`/services/${service.slug}`),
      changeFrequency: "monthly" as const,
      priority: 0.8,
    })),
  ];
}
