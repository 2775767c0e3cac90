// Absolute URLs for canonical links, Open Graph and the sitemap. APP_URL is validated at start-up
// by lib/env.ts; it is read here alone so static pages can be built without the rest of the config.
const DEFAULT_APP_URL = "http://localhost:3000";

export function siteUrl(): URL {
  const configured = process.env.APP_URL?.trim();
  return new URL(configured ? configured : DEFAULT_APP_URL);
}

export function absoluteUrl(path: string): string {
  return new URL(path, siteUrl()).toString();
}
