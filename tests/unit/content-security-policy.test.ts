import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  SCRIPTS_RUN_MARKER,
  buildContentSecurityPolicy,
  buildNoncePolicy,
  buildStaticPagePolicy,
  createNonce,
  hashSource,
  inlineScriptHashes,
} from "@/lib/http/content-security-policy.mjs";

const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(";").map((directive) => {
      const [name = "", ...sources] = directive.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe("hashSource", () => {
  it.each([
    ["plain text", "alert(1)", sha256("alert(1)")],
    ["non-ASCII text, hashed as UTF-8", "console.log('Café – ok')", sha256("console.log('Café – ok')")],
    ["CR LF, as the HTML parser gives it: LF", "a()\r\nb()", sha256("a()\nb()")],
    ["a lone CR, as the HTML parser gives it: LF", "a()\rb()", sha256("a()\nb()")],
    ["an empty script", "", sha256("")],
  ])("hashes %s", (_case, text, expected) => {
    expect(hashSource(text)).toBe(expected);
  });

  it("gives the values `openssl dgst -sha256 -binary | base64` gives", () => {
    expect(hashSource(SCRIPTS_RUN_MARKER)).toBe("'sha256-Du+OJKJSbdUgz5nrHeWWINvez6XKDDU/tyj/5c2uvwo='");
    expect(hashSource("a()\r\nb()")).toBe("'sha256-ibDq25dfxIOXFsZCi7JYnQkIbM0rgaCZ1K4jOsB5hdI='");
  });
});

describe("inlineScriptHashes", () => {
  it.each([
    ["an inline script", "<script>a()</script>", [sha256("a()")]],
    ["attributes and an uppercase tag", '<SCRIPT nonce="x" async>a()</SCRIPT >', [sha256("a()")]],
    ["a script file (no inline body to hash)", '<script src="/_next/static/chunks/a.js" async=""></script>', []],
    ["a script file named in single quotes", "<script async src='/a.js'></script>", []],
    ["JSON-LD, which the browser never runs", '<script type="application/ld+json">{"a":1}</script>', []],
    ["a module script", '<script type="module">a()</script>', [sha256("a()")]],
    ["an explicit JavaScript type", '<script type="text/javascript">a()</script>', [sha256("a()")]],
    ["the same script twice, listed once", "<script>a()</script><p></p><script>a()</script>", [sha256("a()")]],
    ["a data attribute named like src", '<script data-src="x">a()</script>', [sha256("a()")]],
    ["no scripts", "<main><p>Hello</p></main>", []],
  ])("reads %s", (_case, html, expected) => {
    expect(inlineScriptHashes(html)).toEqual(expected);
  });

  it("keeps a page's scripts in order, a body with markup-like text intact", () => {
    const html = [
      "<!DOCTYPE html><html><head>",
      `<script>${SCRIPTS_RUN_MARKER}</script>`,
      '<script src="/_next/static/chunks/main.js" async=""></script>',
      "</head><body><main>Text</main>",
      "<script>(self.__next_f=self.__next_f||[]).push([0])</script>",
      '<script>self.__next_f.push([1,"<div class=\\"x\\">a > b</div>"])</script>',
      "</body></html>",
    ].join("");
    expect(inlineScriptHashes(html)).toEqual([
      sha256(SCRIPTS_RUN_MARKER),
      sha256("(self.__next_f=self.__next_f||[]).push([0])"),
      sha256('self.__next_f.push([1,"<div class=\\"x\\">a > b</div>"])'),
    ]);
  });
});

describe("the policies", () => {
  it("a nonce policy allows the nonce, the marker's hash and what they load, never inline scripts", () => {
    const nonce = createNonce();
    const policy = directives(buildNoncePolicy(nonce));
    expect(policy.get("script-src")).toEqual([
      "'self'",
      `'nonce-${nonce}'`,
      sha256(SCRIPTS_RUN_MARKER),
      "'strict-dynamic'",
    ]);
  });

  it("a static page's policy lists its inline scripts' hashes beside 'self', without 'strict-dynamic'", () => {
    const html = '<script>a()</script><script src="/a.js"></script><script>b()</script>';
    expect(directives(buildStaticPagePolicy(html)).get("script-src")).toEqual(["'self'", sha256("a()"), sha256("b()")]);
  });

  it.each([
    ["nonce", buildNoncePolicy(createNonce())],
    ["static page", buildStaticPagePolicy("<script>a()</script>")],
    ["fallback", buildContentSecurityPolicy({ scriptSources: [] })],
  ])("the %s policy locks the rest down", (_name, policy) => {
    const parsed = directives(policy);
    expect(parsed.get("script-src")).not.toContain("'unsafe-inline'");
    expect(parsed.get("script-src")).not.toContain("'unsafe-eval'");
    expect(parsed.get("base-uri")).toEqual(["'none'"]);
    expect(parsed.get("object-src")).toEqual(["'none'"]);
    expect(parsed.get("frame-ancestors")).toEqual(["'none'"]);
    expect(parsed.get("form-action")).toEqual(["'self'"]);
    expect(parsed.get("default-src")).toEqual(["'self'"]);
    expect(parsed.get("connect-src")).toEqual(["'self'"]);
  });

  it("allows eval and the hot-reload socket only in development", () => {
    const policy = directives(buildNoncePolicy("abc", { development: true }));
    expect(policy.get("script-src")).toContain("'unsafe-eval'");
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("connect-src")).toEqual(["'self'", "ws:"]);
  });

  it("makes a fresh nonce each time, in the form Next.js reads from the policy", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
