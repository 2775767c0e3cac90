// The deployment suite starts every process in a group of its own, so a signal reaches the shell
// and what it runs alike, and stopping it leaves no orphan (`sh -c` does not exec its command).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startProcess, stopProcess, waitUntil } from "@/scripts/deploy/processes";

const logFile = () => path.join(mkdtempSync(path.join(tmpdir(), "deploy-proc-")), "process.log");

describe("managed processes", () => {
  it("stops the shell and the command under it together", async () => {
    const managed = startProcess({
      name: "shell",
      command: "sh",
      args: ["-c", "sleep 60; echo never"],
      env: { PATH: process.env.PATH },
      logFile: logFile(),
    });
    expect(managed.alive()).toBe(true);
    await stopProcess(managed, 5_000);
    expect(managed.alive()).toBe(false);
    expect(managed.exitedAt).not.toBeNull();
    expect(managed.signal("SIGTERM")).toBe(false);
  });

  it("sees the group alive while an orphaned member runs, gone once it ends", async () => {
    // The shell exits at once; the sleep it left behind keeps the group (the "instance") alive.
    const managed = startProcess({
      name: "orphan",
      command: "sh",
      args: ["-c", "sleep 60 & echo started"],
      env: { PATH: process.env.PATH },
      logFile: logFile(),
    });
    expect(await waitUntil(() => managed.logLines().includes("started"), 10_000)).toBe(true);
    expect(managed.alive()).toBe(true);
    managed.signal("SIGKILL");
    expect(await managed.waitForExit(10_000)).not.toBeNull();
  });

  it("writes the process's output to its log", async () => {
    const managed = startProcess({
      name: "echo",
      command: "sh",
      args: ["-c", "echo one; echo two >&2"],
      env: { PATH: process.env.PATH },
      logFile: logFile(),
    });
    expect(await managed.waitForExit(10_000)).not.toBeNull();
    expect(managed.logLines().sort()).toEqual(["one", "two"]);
  });
});
