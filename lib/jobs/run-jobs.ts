// Runs the background jobs on their intervals, in this process. Safe with several processes at
// once: outbox delivery claims rows with SKIP LOCKED, the other jobs run under a per-job lease
// (job-lease.ts), and every change they make is a guarded update.
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { deliverOutbox } from "@/lib/notifications/deliver-outbox";
import { expireLapsedHolds } from "./expire-lapsed-holds";
import { acquireJobLease, releaseJobLease } from "./job-lease";
import { reconcilePendingPayments, retryPendingRefunds } from "./reconcile-pending-payments";
import { sendDueReminders } from "./send-due-reminders";

export interface Job {
  name: string;
  intervalMs: number;
  /** Run by one process at a time (under a lease of this length); others skip that round. */
  leaseMs?: number;
  /** `signal` is aborted when the runner stops: a long job should wind down at its next step. */
  run(signal: AbortSignal): Promise<unknown>;
}

export const DEFAULT_JOBS: Job[] = [
  { name: "deliver-outbox", intervalMs: 5_000, run: (signal) => deliverOutbox({ signal }) },
  // Before hold expiry in each tick: a paid session is confirmed rather than released.
  {
    name: "reconcile-pending-payments",
    intervalMs: 60_000,
    leaseMs: 5 * 60_000,
    run: () => reconcilePendingPayments(),
  },
  { name: "expire-lapsed-holds", intervalMs: 60_000, leaseMs: 5 * 60_000, run: () => expireLapsedHolds() },
  { name: "send-due-reminders", intervalMs: 60_000, leaseMs: 5 * 60_000, run: () => sendDueReminders() },
  { name: "retry-pending-refunds", intervalMs: 5 * 60_000, leaseMs: 5 * 60_000, run: () => retryPendingRefunds() },
];

export interface JobRunner {
  /**
   * Asks the job under way to wind down, runs no more, and resolves when it has (true), or after
   * `timeoutMs` (false; its job lease is handed back all the same).
   */
  stop(options?: { timeoutMs?: number }): Promise<boolean>;
  readonly stopped: boolean;
}

// Long enough for the message being sent to go out; short enough that a process exits within 10 s.
const DEFAULT_STOP_TIMEOUT_MS = 7_000;

export interface JobRunnerOptions {
  jobs?: Job[];
  /** How often due jobs are looked for. */
  tickMs?: number;
  /** Inside the app server: the runner must not keep the process alive by itself. */
  unref?: boolean;
  holder?: string;
}

async function runJob(job: Job, holder: string, signal: AbortSignal, held: Set<string>): Promise<void> {
  if (job.leaseMs !== undefined) {
    if (!(await acquireJobLease(job.name, holder, job.leaseMs))) return;
    held.add(job.name);
  }
  let failure: string | undefined;
  try {
    await job.run(signal);
  } catch (error) {
    failure = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : "unknown error";
    console.error(`[jobs] ${job.name} failed:`, failure);
  } finally {
    if (held.delete(job.name)) await releaseJobLease(job.name, holder, failure).catch(() => undefined);
  }
}

// stop() asks the job under way to stop (outbox delivery finishes the message it is sending and
// hands the rest back), waits for it within a bound, hands back any job lease still held and
// resolves: a worker calls it on SIGTERM.
export function startJobRunner(options: JobRunnerOptions = {}): JobRunner {
  const jobs = options.jobs ?? DEFAULT_JOBS;
  const tickMs = options.tickMs ?? 1_000;
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const nextRunAt = new Map(jobs.map((job) => [job.name, 0]));
  let stopping = false;
  const controller = new AbortController();
  // Job leases taken and not yet handed back: on a stop that runs out of time, handed back then.
  const held = new Set<string>();
  let wake: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;

  const sleep = () =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, tickMs);
      if (options.unref) timer.unref();
    });

  const loop = async () => {
    while (!stopping) {
      for (const job of jobs) {
        if (stopping) break;
        if (Date.now() < (nextRunAt.get(job.name) ?? 0)) continue;
        nextRunAt.set(job.name, Date.now() + job.intervalMs);
        await runJob(job, holder, controller.signal, held);
      }
      if (!stopping) await sleep();
    }
  };
  const finished = loop();

  return {
    get stopped() {
      return stopping;
    },
    async stop({ timeoutMs = DEFAULT_STOP_TIMEOUT_MS } = {}) {
      stopping = true;
      controller.abort();
      clearTimeout(timer);
      wake?.();
      let bound: NodeJS.Timeout | undefined;
      const inTime = await Promise.race([
        finished.then(() => true),
        new Promise<false>((resolve) => (bound = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(bound);
      for (const name of [...held]) {
        held.delete(name);
        await releaseJobLease(name, holder, "stopped before it finished").catch(() => undefined);
      }
      return inTime;
    },
  };
}
