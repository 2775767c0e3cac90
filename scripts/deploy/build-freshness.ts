// Whether the deployment suite builds, or reuses the production build in .next/. CI's e2e step has
// just built the same checkout, so a build newer than every file it is made from is reused; an older
// one (the code changed since) is rebuilt. DEPLOY_SKIP_BUILD=1 reuses any build, for local iteration.
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

/** What `next build` reads: the app's code, content and configuration (not tests or scripts). */
export const BUILD_INPUTS = [
  "app",
  "components",
  "content",
  "lib",
  "prisma/schema.prisma",
  "public",
  "instrumentation.ts",
  "proxy.ts",
  "next.config.mjs",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
  "package-lock.json",
];

/** Skipped while walking: generated files, rewritten by `prisma generate` on every install. */
const IGNORED = new Set(["lib/generated", "node_modules"]);

export type BuildDecision = { action: "build"; reason: string } | { action: "reuse"; reason: string };

export function decideBuild(input: {
  skipRequested: boolean;
  /** Modification time of .next/BUILD_ID, or null when there is no build. */
  buildTimeMs: number | null;
  /** The newest modification time among BUILD_INPUTS. */
  newestInputMs: number;
  newestInputPath: string;
}): BuildDecision {
  if (input.buildTimeMs === null) return { action: "build", reason: "no production build in .next/" };
  if (input.skipRequested) return { action: "reuse", reason: "DEPLOY_SKIP_BUILD=1 and a build exists" };
  if (input.newestInputMs > input.buildTimeMs) {
    return { action: "build", reason: `${input.newestInputPath} changed after the build in .next/` };
  }
  return { action: "reuse", reason: "the build in .next/ is newer than every file it is made from" };
}

/** The newest file among the build's inputs under root (bounded by the size of the tree). */
export function newestBuildInput(root: string): { path: string; mtimeMs: number } {
  let newest = { path: "(none)", mtimeMs: 0 };
  const visit = (relative: string) => {
    if (IGNORED.has(relative)) return;
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    const stat = statSync(absolute);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(absolute)) visit(path.join(relative, entry));
      return;
    }
    if (stat.mtimeMs > newest.mtimeMs) newest = { path: relative, mtimeMs: stat.mtimeMs };
  };
  for (const input of BUILD_INPUTS) visit(input);
  return newest;
}

export function buildTimeOf(root: string): number | null {
  const buildId = path.join(root, ".next", "BUILD_ID");
  return existsSync(buildId) ? statSync(buildId).mtimeMs : null;
}
