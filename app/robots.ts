// /robots.txt: everything public may be crawled; accounts, staff pages and the API may not.
import type { MetadataRoute } from "next";
import { absoluteUrl } from "@/lib/site-url";

// Rendered per request so the sitemap address follows APP_URL at run time, not at build time.
export const dynamic = "force-dynamic";

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
