import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { firstLoadJs } from "../../scripts/page-weight";

const gzipped = (text: string) => gzipSync(Buffer.from(text), { level: 9 }).length;

describe("firstLoadJs", () => {
  it("counts the inline scripts a browser runs, not data blocks such as JSON-LD", () => {
    const html = [
      "<html><body>",
      '<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article"}</script>',
      "<script>document.documentElement.classList.add('js')</script>",
      '<script type="module">import("/a.js")</script>',
      "</body></html>",
    ].join("");
    expect(firstLoadJs(html, "/no-build-needed")).toEqual({
      scripts: 0,
      scriptBytes: 0,
      inlineBytes: gzipped("document.documentElement.classList.add('js')import(\"/a.js\")"),
    });
  });
});
