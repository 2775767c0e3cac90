// Markdown to HTML for articles, at build time: GitHub-flavoured Markdown, heading anchors, and
// GitHub-style alerts ("> [!WARNING]") turned into labelled callouts.
import type { Blockquote, Paragraph, Root, Text } from "mdast";
import type { Element, Root as HastRoot } from "hast";
import { toString as hastToString } from "hast-util-to-string";
import rehypeAutolinkHeadings from "rehype-autolink-headings";
import rehypeSlug from "rehype-slug";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";

export interface Heading {
  id: string;
  text: string;
  depth: 2 | 3;
}

export interface RenderedMarkdown {
  html: string;
  headings: Heading[];
  plainText: string;
  /** The prose alone (no headings, tables or callout labels), for search snippets. */
  snippetText: string;
}

const CALLOUTS = {
  NOTE: { label: "Note", className: ["callout", "callout-note"] },
  TIP: { label: "Tip", className: ["callout", "callout-tip"] },
  WARNING: { label: "Warning", className: ["callout", "callout-warning"] },
  // The five-line summary at the top of an aftercare guide.
  SUMMARY: { label: "In short", className: ["callout", "callout-note", "callout-summary"] },
} as const;

function remarkCallouts() {
  return (tree: Root) => {
    visit(tree, "blockquote", (node: Blockquote) => {
      const first = node.children[0] as Paragraph | undefined;
      const text = first?.type === "paragraph" ? (first.children[0] as Text | undefined) : undefined;
      const match = text?.type === "text" ? /^\[!(NOTE|TIP|WARNING|SUMMARY)\]\s*/.exec(text.value) : null;
      if (!first || !text || !match) return;
      const kind = CALLOUTS[match[1] as keyof typeof CALLOUTS];
      text.value = text.value.slice(match[0].length);
      if (text.value === "" && first.children.length === 1) node.children.shift();
      node.data = { hName: "aside", hProperties: { className: [...kind.className], role: "note", "aria-label": kind.label } };
      node.children.unshift({
        type: "paragraph",
        data: { hProperties: { className: ["callout-title"] } },
        children: [{ type: "text", value: kind.label }],
      });
    });
  };
}

// Wide tables scroll sideways on a phone inside a focusable, labelled region (WCAG 1.4.10).
function rehypeScrollableTables() {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element, index, parent) => {
      if (node.tagName !== "table" || !parent || index === undefined) return;
      parent.children[index] = {
        type: "element",
        tagName: "div",
        properties: { className: ["table-scroll"], role: "region", tabIndex: 0, ariaLabel: "Table (scrolls sideways)" },
        children: [node],
      };
    });
  };
}

function rehypeCollectHeadings(headings: Heading[]) {
  return () => (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      if ((node.tagName === "h2" || node.tagName === "h3") && typeof node.properties.id === "string") {
        headings.push({ id: node.properties.id, text: hastToString(node).trim(), depth: node.tagName === "h2" ? 2 : 3 });
      }
    });
  };
}

export async function renderMarkdown(markdown: string): Promise<RenderedMarkdown> {
  const headings: Heading[] = [];
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkCallouts)
    .use(remarkRehype)
    .use(rehypeSlug)
    .use(rehypeScrollableTables)
    .use(rehypeCollectHeadings(headings))
    .use(rehypeAutolinkHeadings, {
      behavior: "append",
      properties: { className: ["heading-anchor"], ariaHidden: "true", tabIndex: -1 },
      content: { type: "text", value: "#" },
    })
    .use(rehypeStringify)
    .process(markdown);
  return {
    html: String(file),
    headings,
    plainText: markdownToPlainText(markdown),
    snippetText: markdownToSnippetText(markdown),
  };
}

/** Readable text of a Markdown body: for word counts, search and snippets. Headings, list items
 * and table cells keep a boundary, so a snippet never runs a heading into the next sentence. */
export function markdownToPlainText(markdown: string): string {
  const lines = markdown.split("\n").map((line) => {
    const trimmed = line.trim();
    if (/^>\s*\[!(NOTE|TIP|WARNING|SUMMARY)\]\s*$/.test(trimmed)) return "";
    if (/^\|?\s*:?-{2,}/.test(trimmed)) return ""; // table separator row
    let text = trimmed
      .replace(/^>\s?/, "")
      .replace(/^#{1,6}\s+(.*)$/, "$1.")
      .replace(/^\s*(?:[-+*]|\d+\.)\s+/, "");
    if (text.startsWith("|")) text = `${text.replace(/^\||\|$/g, "").split("|").map((cell) => cell.trim()).join("; ")}.`;
    return text;
  });
  return lines
    .join(" ")
    .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")
    .replace(/[*_`]/g, "")
    .replace(/\.\.(?=\s|$)/g, ".")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The article's sentences as a reader would quote them: paragraphs and list items only, each ending
 * in one stop. Headings and tables are left out (a table read as one line is not a sentence), and
 * no "?." or ":." is made where a block already ended in punctuation.
 */
export function markdownToSnippetText(markdown: string): string {
  const blocks: string[] = [];
  for (const line of markdown.split("\n")) {
    const trimmed = line.trim().replace(/^>\s?/, "");
    if (!trimmed || /^\[!(NOTE|TIP|WARNING|SUMMARY)\]\s*$/.test(trimmed)) continue;
    if (/^#{1,6}\s/.test(trimmed) || trimmed.startsWith("|") || /^(-{3,}|\*{3,})$/.test(trimmed)) continue;
    const text = trimmed
      .replace(/^(?:[-+*]|\d+\.)\s+/, "")
      .replace(/\[([^\]]+)\]\([^)]+\)/g, "$1")
      .replace(/[*_`]/g, "")
      .trim();
    if (text) blocks.push(/[.!?:;…)"”]$/.test(text) ? text : `${text}.`);
  }
  return blocks
    .join(" ")
    .replace(/([.!?:;])\s*\.(?=\s|$)/g, "$1")
    .replace(/\s+/g, " ")
    .trim();
}
