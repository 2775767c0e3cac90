// Imports flow one way: app → components → lib, and lib/db depends on nothing above it but the
// settings and the generated client. A file that reaches back up fails here, naming the import.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)))
    .filter((file) => !file.startsWith(path.join("lib", "generated")));
}

function importsOf(file: string): string[] {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s+["']([^"']+)["']/g)].map(
    (match) => match[1] as string,
  );
}

function offending(dir: string, allowed: (specifier: string, file: string) => boolean): string[] {
  return sourceFiles(dir).flatMap((file) =>
    importsOf(file)
      .filter((specifier) => !allowed(specifier, file))
      .map((specifier) => `${file} imports ${specifier}`),
  );
}

describe("layering", () => {
  it("components never import from app/", () => {
    expect(offending("components", (specifier) => !specifier.startsWith("@/app/"))).toEqual([]);
  });

  it("lib never imports from app/ or components/", () => {
    expect(
      offending("lib", (specifier) => !specifier.startsWith("@/app/") && !specifier.startsWith("@/components/")),
    ).toEqual([]);
  });

  // Exceptions: the process-wide handle reports an unavailable database to the request under way
  // (lib/http/unavailable: the production server answers 503) and registers its own shutdown.
  it("lib/db depends on nothing above it but the settings, the generated client and the server hooks", () => {
    const allowed = (specifier: string) =>
      !specifier.startsWith("@/") ||
      specifier.startsWith("@/lib/db") ||
      specifier === "@/lib/env" ||
      specifier === "@/lib/http/unavailable" ||
      specifier === "@/lib/http/shutdown-hooks" ||
      specifier.startsWith("@/lib/generated/");
    expect(offending(path.join("lib", "db"), allowed)).toEqual([]);
  });

  // The Stripe emulator and the demo data are development tools: the app reaches them only through
  // the start-up switch, which starts them when no Stripe key is set or the embedded database is empty.
  it("app, components and lib reach lib/dev only through lib/startup.ts", () => {
    const allowed = (specifier: string, file: string) =>
      !specifier.startsWith("@/lib/dev/") ||
      file === path.join("lib", "startup.ts") ||
      file.startsWith(path.join("lib", "dev"));
    expect([...offending("app", allowed), ...offending("components", allowed), ...offending("lib", allowed)]).toEqual(
      [],
    );
  });

  it("pages and components reach the database only through lib/<domain> functions", () => {
    const direct = (specifier: string) =>
      specifier === "@/lib/db" || specifier.startsWith("@/lib/generated/prisma/client");
    expect([...offending("app", (s) => !direct(s)), ...offending("components", (s) => !direct(s))]).toEqual([]);
  });
});
