// The CI helper scripts: the dependency audit's verdict and the Chromium check before e2e.
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { auditVerdict } from "@/scripts/audit-verdict";

describe("dependency audit verdict", () => {
  it("fails on a high or a critical advisory", () => {
    expect(auditVerdict({ metadata: { vulnerabilities: { high: 1, critical: 0 } } }).outcome).toBe("fail");
    expect(auditVerdict({ metadata: { vulnerabilities: { critical: 2 } } }).outcome).toBe("fail");
  });

  it("passes with only moderate and low advisories", () => {
    const verdict = auditVerdict({ metadata: { vulnerabilities: { moderate: 3, low: 1, high: 0, critical: 0 } } });
    expect(verdict).toEqual({ outcome: "pass", summary: "0 critical, 0 high, 3 moderate, 1 low" });
  });

  it("says plainly when nothing could be checked", () => {
    const verdict = auditVerdict({ message: "405 Method Not Allowed" });
    expect(verdict.outcome).toBe("unchecked");
    expect(verdict.summary).toMatch(/NOT audited/);
  });
});

describe("Chromium check before the end-to-end tests", () => {
  it("stops with one line naming how to install it", () => {
    const run = spawnSync("npx", ["tsx", "scripts/require-chromium.ts"], {
      encoding: "utf8",
      env: { ...process.env, CHROMIUM_PATH: "/nonexistent/chromium" },
    });
    expect(run.status).toBe(1);
    const lines = run.stderr.split("\n").filter((line) => line.trim() !== "" && !line.startsWith("npm warn"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/apt-get install chromium.*CHROMIUM_PATH/);
    // Starting npx and tsx alone can take several seconds on a busy machine: not what is tested.
  }, 60_000);
});
