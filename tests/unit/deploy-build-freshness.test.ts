// When `npm run test:deploy` builds and when it reuses the production build in .next/: a build
// older than any file it is made from is stale; DEPLOY_SKIP_BUILD=1 reuses whatever exists.
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildTimeOf, decideBuild, newestBuildInput } from "@/scripts/deploy/build-freshness";

describe("build decision", () => {
  const base = { newestInputMs: 1_000, newestInputPath: "lib/booking/create-booking.ts" };

  it.each([
    { skipRequested: false, buildTimeMs: null, action: "build", reason: /no production build/ },
    { skipRequested: true, buildTimeMs: null, action: "build", reason: /no production build/ },
    { skipRequested: false, buildTimeMs: 500, action: "build", reason: /create-booking\.ts changed after the build/ },
    { skipRequested: true, buildTimeMs: 500, action: "reuse", reason: /DEPLOY_SKIP_BUILD/ },
    { skipRequested: false, buildTimeMs: 2_000, action: "reuse", reason: /newer than every file/ },
  ])("skip=$skipRequested, build at $buildTimeMs → $action", ({ skipRequested, buildTimeMs, action, reason }) => {
    const decision = decideBuild({ ...base, skipRequested, buildTimeMs });
    expect(decision.action).toBe(action);
    expect(decision.reason).toMatch(reason);
  });
});

describe("build inputs on disk", () => {
  function tree(): string {
    const root = mkdtempSync(path.join(tmpdir(), "deploy-build-"));
    for (const dir of ["app/api", "lib/generated/prisma", "lib/booking", "tests/unit", ".next"]) {
      mkdirSync(path.join(root, dir), { recursive: true });
    }
    const files: [string, number][] = [
      ["app/api/route.ts", 100],
      ["lib/booking/create-booking.ts", 200],
      ["package.json", 150],
      // Newer, but not what the build is made from (generated on install, or tests).
      ["lib/generated/prisma/client.ts", 900],
      ["tests/unit/x.test.ts", 950],
      [".next/BUILD_ID", 300],
    ];
    for (const [file, seconds] of files) {
      writeFileSync(path.join(root, file), "x");
      utimesSync(path.join(root, file), seconds, seconds);
    }
    return root;
  }

  it("finds the newest input, skipping generated code and tests", () => {
    expect(newestBuildInput(tree())).toEqual({ path: "lib/booking/create-booking.ts", mtimeMs: 200_000 });
  });

  it("reads the build's time from .next/BUILD_ID, or null without one", () => {
    expect(buildTimeOf(tree())).toBe(300_000);
    expect(buildTimeOf(mkdtempSync(path.join(tmpdir(), "deploy-build-")))).toBeNull();
  });
});
