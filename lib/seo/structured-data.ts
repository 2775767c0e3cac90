// schema.org objects for the clinic, articles and breadcrumbs.
import { getClinic } from "@/lib/clinic/get-clinic";
import type { Article } from "@/lib/content/articles";
import { absoluteUrl } from "@/lib/site-url";

export function clinicBusiness(): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "HealthAndBeautyBusiness",
    "@id": absoluteUrl("/#clinic"),
    name: getClinic().name,
    url: absoluteUrl("/"),
    telephone: getClinic().phone,
    email: getClinic().email,
    priceRange: "$$",
    openingHoursSpecification: getClinic().openingHours.map((hours) => ({
      "@type": "OpeningHoursSpecification",
      dayOfWeek: hours.dayOfWeek,
      opens: hours.opens,
      closes: hours.closes,
    })),
    address: {
      "@type": "PostalAddress",
      streetAddress: getClinic().street,
      addressLocality: getClinic().locality,
      addressRegion: getClinic().region,
      postalCode: getClinic().postalCode,
      addressCountry: getClinic().country,
    },
  };
}

export function breadcrumbList(items: { name: string; path: string }[]): Record<string, unknown> {
  return {
    "@context": "https://schema.org",
    "@type": "BreadcrumbList",
    itemListElement: items.map((item, index) => ({
      "@type": "ListItem",
      position: index + 1,
      name: item.name,
      item: absoluteUrl(item.path),
    })),
  };
}

export function articlePage(article: Article): Record<string, unknown> {
  const url = absoluteUrl(`/learn/${article.slug}`);
  return {
    "@context": "https://schema.org",
    "@type": ["Article", "MedicalWebPage"],
    "@id": url,
    url,
    headline: article.title,
    description: article.description,
    datePublished: article.published,
    dateModified: article.reviewed,
    lastReviewed: article.reviewed,
    wordCount: article.wordCount,
    inLanguage: "en-US",
    audience: { "@type": "PeopleAudience", audienceType: "Patient" },
    author: { "@type": "Person", name: article.author.name, jobTitle: article.author.title },
    publisher: { "@type": "HealthAndBeautyBusiness", "@id": absoluteUrl("/#clinic"), name: getClinic().name },
    mainEntityOfPage: url,
  };
}
