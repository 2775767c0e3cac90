// npm run worker as a process: it starts its jobs, and on SIGTERM finishes the tick under way, hands
// its job leases back and exits 0, as a deployment's rolling restart expects.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { ENGINE } from "../support/db-setup";

describe(`the worker process (${ENGINE})`, () => {
  it("stops cleanly on SIGTERM", async () => {
    // As package.json runs it: node itself gets the signal (the tsx CLI would relay it, and SIGKILL the
    // worker when it does not answer within 30 ms, as happens on a busy machine).
    const worker = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      cwd: process.cwd(),
      env: { ...process.env, SMTP_URL: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    worker.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    worker.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => worker.on("exit", (code) => resolve(code)));

    // Wait for the start-up line, then ask it to stop.
    const deadline = Date.now() + 150_000;
    while (!/jobs running/.test(output)) {
      if (Date.now() > deadline || worker.exitCode !== null) throw new Error(`the worker did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    worker.kill("SIGTERM");

    expect(await exited).toBe(0);
    expect(output).toMatch(/SIGTERM, finishing the current tick/);
    expect(output).not.toMatch(/Error|failed/);
  }, 200_000);
});
