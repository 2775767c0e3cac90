// Runs the background jobs on their intervals, in this process. Safe with several processes at
// once: outbox delivery claims rows with SKIP LOCKED, the other jobs run under a per-job lease
// (job-lease.ts), and every change they make is a guarded update. stop() lets the current tick
// finish, then resolves: a worker calls it on SIGTERM.
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
  run(): Promise<unknown>;
}

export const DEFAULT_JOBS: Job[] = [
  { name: "deliver-outbox", intervalMs: 5_000, run: () => deliverOutbox() },
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
  /** Finishes the tick under way (if any), runs no more, and resolves. */
  stop(): Promise<void>;
  readonly stopped: boolean;
}

export interface JobRunnerOptions {
  jobs?: Job[];
  /** How often due jobs are looked for. */
  tickMs?: number;
  /** Inside the app server: the runner must not keep the process alive by itself. */
  unref?: boolean;
  holder?: string;
}

async function runJob(job: Job, holder: string): Promise<void> {
  if (job.leaseMs !== undefined && !(await acquireJobLease(job.name, holder, job.leaseMs))) return;
  let failure: string | undefined;
  try {
    await job.run();
  } catch (error) {
    failure = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 500) : "unknown error";
    console.error(`[jobs] ${job.name} failed:`, failure);
  } finally {
    if (job.leaseMs !== undefined) await releaseJobLease(job.name, holder, failure).catch(() => undefined);
  }
}

export function startJobRunner(options: JobRunnerOptions = {}): JobRunner {
  const jobs = options.jobs ?? DEFAULT_JOBS;
  const tickMs = options.tickMs ?? 1_000;
  const holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const nextRunAt = new Map(jobs.map((job) => [job.name, 0]));
  let stopping = false;
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
        await runJob(job, holder);
      }
      if (!stopping) await sleep();
    }
  };
  const finished = loop();

  return {
    get stopped() {
      return stopping;
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      wake?.();
      await finished;
    },
  };
}
