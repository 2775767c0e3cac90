// /robots.txt: everything public may be crawled; accounts, staff pages and the API may not.
import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/site-url";

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: "*",
        allow: "/",
        disallow: ["/account", "/staff", "/api/", "/sign-in", "/sign-up", "/learn/search"],
      },
    ],
    sitemap: absoluteUrl("/sitemap.xml"),
  };
}
