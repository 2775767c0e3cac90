// npm run bench: performance figures from the production build (run `npm run build` first).
// Article pages must be prerendered (static HTML in the build) and their first-load JavaScript,
// every script the HTML references, gzip-compressed, must stay under the budget.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { loadArticles } from "@/lib/content/articles";
import { SECTIONS } from "@/lib/content/sections";

const BUDGET_KB = 150;
const BUILD = path.join(process.cwd(), ".next");

function firstLoadJs(html: string): { scripts: number; scriptBytes: number; inlineBytes: number } {
  // nomodule scripts (legacy polyfills) are skipped by every browser that runs modules.
  const tags = [...html.matchAll(/<script([^>]+)>/g)]
    .map((match) => match[1] as string)
    .filter((attrs) => !/\bnomodule\b/i.test(attrs));
  const sources = new Set(
    tags.map((attrs) => /\bsrc="([^"]+\.js)"/.exec(attrs)?.[1]).filter((src): src is string => Boolean(src)),
  );
  let scriptBytes = 0;
  for (const src of sources) {
    const file = path.join(BUILD, decodeURIComponent(src.replace(/^\/_next\//, "").split("?")[0] as string));
    scriptBytes += gzipSync(readFileSync(file), { level: 9 }).length;
  }
  // Inline scripts (the React Server Components payload) are downloaded with the page too.
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
    .map((match) => match[1] ?? "")
    .join("");
  return { scripts: sources.size, scriptBytes, inlineBytes: gzipSync(Buffer.from(inline), { level: 9 }).length };
}

async function main(): Promise<void> {
  if (!existsSync(path.join(BUILD, "BUILD_ID"))) {
    console.error("No production build found: run `npm run build` first.");
    process.exit(1);
  }
  const pages = [
    ...(await loadArticles()).map((article) => `learn/${article.slug}`),
    "learn",
    ...SECTIONS.map((section) => `learn/topics/${section.slug}`),
  ];
  const failures: string[] = [];
  const rows: { page: string; scripts: number; scriptKb: number; inlineKb: number; kb: number }[] = [];
  for (const page of pages) {
    const htmlFile = path.join(BUILD, "server", "app", `${page}.html`);
    if (!existsSync(htmlFile)) {
      failures.push(`/${page} is not statically generated`);
      continue;
    }
    const { scripts, scriptBytes, inlineBytes } = firstLoadJs(readFileSync(htmlFile, "utf8"));
    const kb = (scriptBytes + inlineBytes) / 1024;
    rows.push({ page: `/${page}`, scripts, scriptKb: scriptBytes / 1024, inlineKb: inlineBytes / 1024, kb });
    if (kb > BUDGET_KB) failures.push(`/${page}: ${kb.toFixed(1)} KB first-load JS exceeds ${BUDGET_KB} KB`);
  }
  const width = Math.max(...rows.map((row) => row.page.length));
  console.log(
    `First-load JavaScript of static education pages, gzip -9, budget ${BUDGET_KB} KB (script files + inline RSC payload)`,
  );
  console.log(`  ${"page".padEnd(width)}  files  scripts KB  inline KB  total KB`);
  for (const row of rows) {
    const cells = [
      String(row.scripts).padStart(5),
      row.scriptKb.toFixed(1).padStart(10),
      row.inlineKb.toFixed(1).padStart(9),
      row.kb.toFixed(1).padStart(8),
    ];
    console.log(`  ${row.page.padEnd(width)}  ${cells.join("  ")}`);
  }
  const largest = rows.reduce(
    (max, row) => (row.kb > max.kb ? row : max),
    rows[0] ?? { page: "-", scripts: 0, scriptKb: 0, inlineKb: 0, kb: 0 },
  );
  console.log(
    `Static pages: ${rows.length}/${pages.length}; largest first load: ${largest.kb.toFixed(1)} KB (${largest.page})`,
  );
  if (failures.length > 0) {
    console.error(`\nBudget failures:\n  ${failures.join("\n  ")}`);
    process.exit(1);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
