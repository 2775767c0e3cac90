// The processes the deployment suite runs (app instances, workers, the Stripe emulator), each in a
// process group of its own (`detached`), so a signal reaches npm, its shell and the node process
// under it alike, and stopping one never leaves an orphan. Output goes to one log file per process.
//
// SIGTERM, the polite stop, goes to the group leader only (npm), as a container runtime sends it to
// the command it started: npm forwards it to its script's shell, so the script must `exec` its
// command (Debian's sh, dash, does not exec the last command by itself; without exec the shell
// dies and the server never hears of it). Every other signal (SIGSTOP, SIGCONT, SIGKILL, and the
// clean-up) goes to the whole group, so nothing is left behind.
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readdirSync, readFileSync } from "node:fs";

export interface ManagedProcess {
  name: string;
  /** The group leader's pid, which is also the group id. */
  pid: number;
  logFile: string;
  /** Sends a signal to every process in the group; false if none is left. */
  signal(signal: NodeJS.Signals): boolean;
  /** Sends a signal to the process the suite started (npm) only, as a process manager would. */
  signalLeader(signal: NodeJS.Signals): boolean;
  /** True while any process of the group is alive. */
  alive(): boolean;
  /** When the suite first saw no process of the group left (epoch ms), or null. */
  readonly exitedAt: number | null;
  /** Resolves with how long it took once no process of the group is left, or null after timeoutMs. */
  waitForExit(timeoutMs: number): Promise<number | null>;
  /** Lines written to the log so far. */
  logLines(): string[];
}

/** A child's environment: exactly these variables (not merged into the suite's own). */
export type Environment = Record<string, string | undefined>;

const running = new Set<ManagedProcess>();

// A member that has exited but is not reaped yet (a zombie: an orphan waits for init to reap it)
// is not running; on Linux /proc tells them apart, elsewhere signal 0 is the best there is.
function groupAlive(pid: number): boolean {
  if (existsSync("/proc/self/stat")) {
    for (const entry of readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue;
      try {
        // pid (comm) state ppid pgrp …; comm may hold spaces, so read from the last ")".
        const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
        const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
        if (Number(pgrp) === pid && state !== "Z" && state !== "X") return true;
      } catch {
        // The process ended while we looked.
      }
    }
    return false;
  }
  try {
    process.kill(-pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function startProcess(options: {
  name: string;
  command: string;
  args: string[];
  env: Environment;
  logFile: string;
  cwd?: string;
}): ManagedProcess {
  const log = openSync(options.logFile, "a");
  let child: ChildProcess;
  try {
    child = spawn(options.command, options.args, {
      cwd: options.cwd,
      env: options.env as NodeJS.ProcessEnv,
      detached: true,
      stdio: ["ignore", log, log],
    });
  } finally {
    closeSync(log);
  }
  if (child.pid === undefined) throw new Error(`${options.name}: could not start ${options.command}`);
  const pid = child.pid;
  // The child is reaped by Node; the group may outlive it (orphans), which alive() still sees.
  child.on("error", () => undefined);
  let exitedAt: number | null = null;
  const managed: ManagedProcess = {
    name: options.name,
    pid,
    logFile: options.logFile,
    signal(signal) {
      // A group id is a pid, and pids are reused: never signal a group seen gone.
      if (exitedAt !== null) return false;
      try {
        process.kill(-pid, signal);
        return true;
      } catch {
        return false;
      }
    },
    signalLeader(signal) {
      if (exitedAt !== null) return false;
      try {
        process.kill(pid, signal);
        return true;
      } catch {
        return false;
      }
    },
    get exitedAt() {
      return exitedAt;
    },
    alive() {
      if (exitedAt !== null) return false;
      if (groupAlive(pid)) return true;
      exitedAt = Date.now();
      running.delete(managed);
      return false;
    },
    async waitForExit(timeoutMs) {
      const started = Date.now();
      while (Date.now() - started < timeoutMs) {
        if (!managed.alive()) return Date.now() - started;
        await sleep(50);
      }
      return null;
    },
    logLines() {
      try {
        return readFileSync(options.logFile, "utf8")
          .split("\n")
          .filter((line) => line.trim() !== "");
      } catch {
        return [];
      }
    },
  };
  running.add(managed);
  return managed;
}

/** Waits until check() is true (polled every intervalMs); false when timeoutMs passes first. */
export async function waitUntil(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  intervalMs = 100,
): Promise<boolean> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (await check()) return true;
    await sleep(intervalMs);
  }
  return check();
}

/** Stops one process: SIGTERM to its group, then SIGKILL after graceMs. */
export async function stopProcess(managed: ManagedProcess, graceMs = 5_000): Promise<void> {
  if (!managed.alive()) {
    running.delete(managed);
    return;
  }
  managed.signal("SIGCONT");
  managed.signal("SIGTERM");
  if ((await managed.waitForExit(graceMs)) === null) {
    managed.signal("SIGKILL");
    await managed.waitForExit(5_000);
  }
  running.delete(managed);
}

/** Every process still running, stopped at once (also on failure: the suite calls this in finally). */
export async function stopAllProcesses(): Promise<void> {
  await Promise.all([...running].map((managed) => stopProcess(managed, 3_000)));
}

/** Last resort on an unexpected exit: SIGKILL to every group, synchronously. */
export function killAllProcessesNow(): void {
  for (const managed of running) managed.signal("SIGKILL");
}
