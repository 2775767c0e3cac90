// First-load JavaScript of a page as the bench counts it (issue #21): every script file the HTML
// references, gzip -9, plus the inline scripts (the React Server Components payload, on a page that
// has one), which are downloaded with the page too; not data blocks such as JSON-LD, which never run.
// nomodule scripts (legacy polyfills) are skipped by every browser that runs modules. Used by
// `npm run bench` (prerendered pages, from the build) and by `npm run lighthouse` (every page it
// measures, from the running server's HTML).
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface FirstLoadJs {
  scripts: number;
  scriptBytes: number;
  inlineBytes: number;
}

/** The script sources a page's HTML loads (module-capable browsers), each once. */
export function scriptSources(html: string): string[] {
  const tags = [...html.matchAll(/<script([^>]+)>/g)]
    .map((match) => match[1] as string)
    .filter((attrs) => !/\bnomodule\b/i.test(attrs));
  return [
    ...new Set(
      tags.map((attrs) => /\bsrc="([^"]+\.js)"/.exec(attrs)?.[1]).filter((src): src is string => Boolean(src)),
    ),
  ];
}

/** Script and inline bytes (gzip -9) of a page, the script files read from the build directory. */
export function firstLoadJs(html: string, buildDir: string): FirstLoadJs {
  const sources = scriptSources(html);
  let scriptBytes = 0;
  for (const src of sources) {
    const file = path.join(buildDir, decodeURIComponent(src.replace(/^\/_next\//, "").split("?")[0] as string));
    scriptBytes += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  // Data blocks (JSON-LD) are not JavaScript: the browser never runs them.
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter((match) => !/\btype="(?!text\/javascript"|module")[^"]*"/i.test(match[1] ?? ""))
    .map((match) => match[2] ?? "")
    .join("");
  return { scripts: sources.length, scriptBytes, inlineBytes: gzipSync(Buffer.from(inline), { level: 9 }).length };
}

/** Total first-load JavaScript in KB. */
export const firstLoadKb = (weight: FirstLoadJs): number => (weight.scriptBytes + weight.inlineBytes) / 1024;
