import { describe, expect, it } from "vitest";
import { SCRIPTS_RUN_MARKER, buildStaticPagePolicy, hashSource } from "@/lib/http/content-security-policy.mjs";
import { HEADER_ISLAND, isStaticContentPath, toStaticContentPage } from "@/lib/http/static-content-page.mjs";

describe("isStaticContentPath", () => {
  it.each([
    ["/", true],
    ["/?utm_source=flyer", true],
    ["/learn", true],
    ["/learn/calf-muscle-pump-second-heart", true],
    ["/learn/topics/circulation", true],
    ["/services", true],
    ["/services/second-heart-massage-60", true],
    ["/privacy", true],
    // Rendered per request, or not a reading page.
    ["/learn/search", false],
    ["/learn/search?q=calf", false],
    ["/learn/topics", false],
    ["/learn/topics/circulation/more", false],
    ["/services/second-heart-massage-60/extra", false],
    ["/learnings", false],
    ["/book", false],
    ["/book?service=second-heart-massage-60", false],
    ["/sign-in", false],
    ["/account", false],
    ["/staff", false],
    ["/api/services", false],
  ])("%s: %s", (url, expected) => {
    expect(isStaticContentPath(url)).toBe(expected);
  });
});

// The shape of a page Next.js 16 prerenders: chunk preloads and async script files in the head, the
// layout's marker, JSON-LD in the body, the RSC payload as inline scripts before </body>.
const NEXT_PAGE = [
  '<!DOCTYPE html><html lang="en-US" class="a_variable"><head><meta charSet="utf-8"/>',
  '<link rel="preload" href="/_next/static/media/inter.woff2" as="font" crossorigin="" type="font/woff2"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/webpack.js"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/module.js"/>',
  '<script src="/_next/static/chunks/react-dom.js" async=""></script>',
  '<script src="/_next/static/chunks/main-app.js" async=""></script>',
  `<title>An article</title><script>${SCRIPTS_RUN_MARKER}</script>`,
  '<script src="/_next/static/chunks/polyfills.js" noModule=""></script></head>',
  '<body class="flex"><header><a href="/sign-in" data-pending="" class="js-pending-account">Sign in</a></header>',
  '<main><script type="application/ld+json">{"@type":"Article"}</script><p>Every step lifts blood.</p></main>',
  "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
  '<script>self.__next_f.push([1,"0:{\\"P\\":null}"])</script>',
  "</body></html>",
].join("");

describe("toStaticContentPage", () => {
  const page = toStaticContentPage(NEXT_PAGE);

  it("drops Next.js's script files, their preloads and the RSC payload", () => {
    expect(page).not.toMatch(/_next\/static\/chunks\/[\w-]+\.js/);
    expect(page).not.toContain("__next_f");
    expect(page).not.toContain("modulepreload");
  });

  it("keeps the content, the stylesheet, the font preload, JSON-LD and the layout's marker", () => {
    expect(page).toContain("<p>Every step lifts blood.</p>");
    expect(page).toContain('<link rel="stylesheet" href="/_next/static/chunks/site.css" data-precedence="next"/>');
    expect(page).toContain('as="font"');
    expect(page).toContain('<script type="application/ld+json">{"@type":"Article"}</script>');
    expect(page).toContain(`<script>${SCRIPTS_RUN_MARKER}</script>`);
    expect(page).toContain('data-pending=""');
  });

  it("adds the header's island as the body's last element", () => {
    expect(page.endsWith(`<script>${HEADER_ISLAND}</script></body></html>`)).toBe(true);
  });

  it("leaves a strict policy that allows exactly the marker and the island", () => {
    const scriptSrc = buildStaticPagePolicy(page)
      .split("; ")
      .find((directive) => directive.startsWith("script-src "));
    expect(scriptSrc).toBe(`script-src 'self' ${hashSource(SCRIPTS_RUN_MARKER)} ${hashSource(HEADER_ISLAND)}`);
  });

  it("gives the same page when applied twice, with one island", () => {
    expect(toStaticContentPage(page)).toBe(page);
  });

  it("leaves HTML that is not a whole page alone", () => {
    const fragment = '<p>Part</p><script src="/_next/static/chunks/a.js"></script>';
    expect(toStaticContentPage(fragment)).toBe(fragment);
  });
});
