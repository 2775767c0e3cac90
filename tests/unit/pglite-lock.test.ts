import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseInUseError, lockDataDirectory } from "@/lib/db/pglite";

const freshDir = () => path.join(mkdtempSync(path.join(tmpdir(), "pglite-lock-")), "db");

describe("embedded database lock", () => {
  it("takes the lock and lets the same process open the directory again", () => {
    const dir = freshDir();
    lockDataDirectory(dir);
    expect(readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
    expect(() => lockDataDirectory(dir)).not.toThrow();
  });

  it("refuses a directory another running process holds", async () => {
    const dir = freshDir();
    const other = spawn(process.execPath, ["-e", "setTimeout(() => {}, 10000)"]);
    try {
      writeFileSync(`${dir}.lock`, String(other.pid));
      expect(() => lockDataDirectory(dir)).toThrow(DatabaseInUseError);
      expect(() => lockDataDirectory(dir)).toThrow(/open in another process \(pid \d+\)/);
    } finally {
      other.kill();
    }
  });

  it("takes over a lock left by a process that has exited", async () => {
    const dir = freshDir();
    const other = spawn(process.execPath, ["-e", ""]);
    await new Promise((resolve) => other.on("exit", resolve));
    writeFileSync(`${dir}.lock`, String(other.pid));
    lockDataDirectory(dir);
    expect(existsSync(`${dir}.lock`)).toBe(true);
    expect(readFileSync(`${dir}.lock`, "utf8")).toBe(String(process.pid));
  });
});
