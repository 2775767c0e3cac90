// Articles link to treatments in their prose. The catalogue changes without a build, so a link to a
// service that is no longer offered is shown as plain text rather than as a link to a 404.

const SERVICE_LINK = /<a href="\/services\/([^"#?/]+)"[^>]*>([\s\S]*?)<\/a>/g;

/** The slugs of the services an article's HTML links to. */
export function linkedServiceSlugs(html: string): string[] {
  return [...html.matchAll(SERVICE_LINK)].map((match) => match[1] as string);
}

/** The article HTML with every link to a service outside `activeSlugs` replaced by its text. */
export function unlinkRetiredServices(html: string, activeSlugs: ReadonlySet<string>): string {
  return html.replace(SERVICE_LINK, (link, slug: string, text: string) => (activeSlugs.has(slug) ? link : text));
}
