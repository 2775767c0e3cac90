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

  it("sends SIGTERM to the leader only: a script that execs its command stops, one that does not leaves it running", async () => {
    const execs = startProcess({
      name: "execs",
      command: "sh",
      args: ["-c", "exec sleep 60"],
      env: { PATH: process.env.PATH },
      logFile: logFile(),
    });
    const waits = startProcess({
      name: "waits",
      command: "sh",
      // Like `sh -c "next start"`: the shell runs the command and waits for it.
      args: ["-c", "sleep 60 & echo started; wait"],
      env: { PATH: process.env.PATH },
      logFile: logFile(),
    });
    try {
      expect(await waitUntil(() => waits.logLines().includes("started"), 10_000)).toBe(true);
      expect(execs.signalLeader("SIGTERM")).toBe(true);
      expect(waits.signalLeader("SIGTERM")).toBe(true);
      expect(await execs.waitForExit(10_000)).not.toBeNull();
      // The shell died; the sleep it was waiting for runs on, untold, in the group.
      expect(await waitUntil(() => !waits.alive(), 1_000)).toBe(false);
    } finally {
      await stopProcess(waits, 5_000);
      await stopProcess(execs, 5_000);
    }
    expect(waits.alive()).toBe(false);
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
