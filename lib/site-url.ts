// Absolute URLs for canonical links, Open Graph and the sitemap, from APP_URL (checked at start-up
// by lib/env.ts; read here alone so static pages can be built without the rest of the config).
export function siteUrl(): URL {
  return new URL(process.env.APP_URL || "http://localhost:3000");
}

export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl()).toString();
}
