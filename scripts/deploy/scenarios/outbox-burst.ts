// (f) Email delivery by two workers (issue #15 point 5): bursts of 200 outbox rows, written straight
// into the table as the app's enqueue does, delivered to the suite's SMTP sink.
//  1. both workers running: every message arrives exactly once (by Message-ID) and every row is SENT;
//  2. one worker SIGKILLed mid-burst: what it held comes back within 2 minutes; a message it was
//     sending may arrive a second time, with the same Message-ID, never more;
//  3. one worker SIGTERMed mid-burst: it exits within 10 s, and no message arrives twice.
import { randomUUID } from "node:crypto";
import type { DeployContext } from "../context";
import { sleep, waitUntil, type ManagedProcess } from "../processes";
import { duplicatesOf } from "../report";

const BURST = 200;
/** Messages of a burst the sink must have received before a worker is stopped: mid-burst. */
const STOP_AFTER = 40;
const RECLAIM_WITHIN_MS = 2 * 60_000;
/** One delivery tick of the worker (deliver-outbox runs every 5 s) beyond the reclaim bound. */
const TICK_SLACK_MS = 10_000;
const EXIT_WITHIN_MS = 10_000;

/** The outbox row id in a Message-ID the transport gave it (<outbox-<id>@domain>). */
export function outboxIdOfMessageId(messageId: string): string | null {
  return /^<outbox-([^@>]+)@[^>]+>$/.exec(messageId)?.[1] ?? null;
}

async function enqueueBurst(ctx: DeployContext, label: string): Promise<string[]> {
  const run = randomUUID().slice(0, 8);
  const rows = await ctx.prisma.emailOutbox.createManyAndReturn({
    data: Array.from({ length: BURST }, (_, index) => ({
      toAddress: `burst-${index}@example.test`,
      subject: `Deployment suite burst ${label}, message ${index + 1}`,
      text: `Message ${index + 1} of ${BURST}.`,
      template: "deploy-suite-burst",
      dedupeKey: `deploy-suite-burst:${run}:${index}`,
    })),
    select: { id: true },
  });
  return rows.map((row) => row.id);
}

interface Delivery {
  /** Deliveries seen at the sink per row id of the burst. */
  perRow: Map<string, number>;
  sent: number;
}

async function tally(ctx: DeployContext, ids: string[]): Promise<Delivery> {
  const wanted = new Set(ids);
  const perRow = new Map<string, number>();
  for (const messageId of ctx.sink.messageIds) {
    const id = outboxIdOfMessageId(messageId);
    if (id !== null && wanted.has(id)) perRow.set(id, (perRow.get(id) ?? 0) + 1);
  }
  const sent = await ctx.prisma.emailOutbox.count({ where: { id: { in: ids }, status: "SENT" } });
  return { perRow, sent };
}

const receivedOf = (ctx: DeployContext, ids: Set<string>) =>
  ctx.sink.messageIds.filter((messageId) => ids.has(outboxIdOfMessageId(messageId) ?? "")).length;

async function waitAllSent(ctx: DeployContext, ids: string[], timeoutMs: number): Promise<number | null> {
  const started = Date.now();
  const done = await waitUntil(
    async () => (await ctx.prisma.emailOutbox.count({ where: { id: { in: ids }, status: "SENT" } })) === ids.length,
    timeoutMs,
    500,
  );
  return done ? Date.now() - started : null;
}

function describeDelivery(delivery: Delivery, ids: string[]): string {
  const once = ids.filter((id) => delivery.perRow.get(id) === 1).length;
  const missing = ids.filter((id) => !delivery.perRow.has(id)).length;
  const twice = [...delivery.perRow.values()].filter((n) => n > 1).length;
  return `${delivery.sent}/${ids.length} rows SENT; at the sink: ${once} once, ${twice} more than once, ${missing} missing`;
}

/** Waits until the sink has STOP_AFTER messages of the burst; false if the burst never got going. */
async function waitMidBurst(ctx: DeployContext, ids: string[]): Promise<boolean> {
  const wanted = new Set(ids);
  return waitUntil(() => receivedOf(ctx, wanted) >= STOP_AFTER, 30_000, 20);
}

async function claimedNotSent(ctx: DeployContext, ids: string[]): Promise<number> {
  return ctx.prisma.emailOutbox.count({
    where: { id: { in: ids }, status: "PENDING", attempts: { gt: 0 }, sendAfter: { gt: new Date() } },
  });
}

export async function outboxBurst(ctx: DeployContext): Promise<void> {
  // 1. Two workers, one burst.
  const first = await enqueueBurst(ctx, "1");
  const firstMs = await waitAllSent(ctx, first, 90_000);
  await sleep(500);
  const firstDelivery = await tally(ctx, first);
  ctx.note(
    `burst 1 (two workers): ${describeDelivery(firstDelivery, first)}, all SENT after ${firstMs ?? "> 90000"} ms`,
  );
  ctx.record({
    name: "two workers: each message exactly once, all SENT",
    passed:
      firstMs !== null &&
      first.every((id) => firstDelivery.perRow.get(id) === 1) &&
      duplicatesOf(ctx.sink.messageIds).size === 0,
    detail: `${describeDelivery(firstDelivery, first)}; ${firstMs === null ? "not all SENT in 90 s" : `${(firstMs / 1000).toFixed(1)} s`}`,
  });

  // 2. One worker killed mid-burst.
  const [victim, survivor] = ctx.workers as [ManagedProcess, ManagedProcess];
  const second = await enqueueBurst(ctx, "2");
  const reachedMid = await waitMidBurst(ctx, second);
  victim.signal("SIGKILL");
  const killedAt = Date.now();
  await victim.waitForExit(5_000);
  const heldAtKill = await claimedNotSent(ctx, second);
  const secondMs = await waitAllSent(ctx, second, RECLAIM_WITHIN_MS + TICK_SLACK_MS + 20_000);
  await sleep(500);
  const secondDelivery = await tally(ctx, second);
  const secondSinceKill = secondMs === null ? null : Date.now() - killedAt;
  const secondTwice = [...secondDelivery.perRow.values()].filter((n) => n > 1);
  ctx.note(
    `burst 2 (a worker SIGKILLed after ${STOP_AFTER} arrived${reachedMid ? "" : ", which they never did"}): ` +
      `${heldAtKill} claimed and unsent at the kill; ${describeDelivery(secondDelivery, second)}, ` +
      `all SENT ${secondSinceKill === null ? "never (bounded wait)" : `${(secondSinceKill / 1000).toFixed(1)} s after the kill`}`,
  );
  ctx.record({
    name: "worker killed: its messages back within 2 min",
    passed:
      reachedMid &&
      secondSinceKill !== null &&
      secondSinceKill <= RECLAIM_WITHIN_MS + TICK_SLACK_MS &&
      second.every((id) => (secondDelivery.perRow.get(id) ?? 0) >= 1),
    detail: `${heldAtKill} held at the kill; all SENT ${secondSinceKill === null ? "not within the bound" : `${(secondSinceKill / 1000).toFixed(1)} s after it`}`,
  });
  ctx.record({
    name: "worker killed: at most the one in flight twice",
    passed: secondTwice.length <= 1 && secondTwice.every((n) => n === 2),
    detail: `${secondTwice.length} message(s) delivered more than once (same Message-ID)`,
  });

  // 3. A fresh worker beside the survivor, then one of them SIGTERMed mid-burst.
  const replacement = await ctx.startWorker("worker-3");
  ctx.workers.splice(0, ctx.workers.length, replacement, survivor);
  const third = await enqueueBurst(ctx, "3");
  const reachedMid3 = await waitMidBurst(ctx, third);
  const linesBefore = replacement.logLines().length;
  replacement.signalLeader("SIGTERM");
  // scripts/worker.ts logs "Worker <pid>: SIGTERM, …" when it hears it; if npm did not pass it on,
  // say so and signal what is left of the group (the worker itself), so its stop is still measured.
  const forwarded = await waitUntil(
    () =>
      replacement
        .logLines()
        .slice(linesBefore)
        .some((line) => /SIGTERM/.test(line)) || !replacement.alive(),
    2_000,
    50,
  );
  ctx.record({
    name: "npm run worker passes SIGTERM to the worker",
    passed: forwarded,
    detail: forwarded
      ? "the worker logged it"
      : "the worker never logged it within 2 s (the script needs `exec node …`); signalled the worker itself to go on",
  });
  if (!forwarded) replacement.signal("SIGTERM");
  const exitMs = await replacement.waitForExit(EXIT_WITHIN_MS + 10_000);
  const thirdMs = await waitAllSent(ctx, third, RECLAIM_WITHIN_MS + TICK_SLACK_MS + 20_000);
  await sleep(500);
  const thirdDelivery = await tally(ctx, third);
  ctx.note(
    `burst 3 (a worker SIGTERMed after ${STOP_AFTER} arrived${reachedMid3 ? "" : ", which they never did"}): ` +
      `exited ${exitMs === null ? "not within 20 s" : `${(exitMs / 1000).toFixed(1)} s`} after SIGTERM; ${describeDelivery(thirdDelivery, third)}`,
  );
  ctx.record({
    name: `worker SIGTERM: exits within ${EXIT_WITHIN_MS / 1000} s`,
    passed: reachedMid3 && exitMs !== null && exitMs <= EXIT_WITHIN_MS,
    detail: exitMs === null ? "still running 20 s after SIGTERM" : `${(exitMs / 1000).toFixed(1)} s`,
  });
  ctx.record({
    name: "worker SIGTERM: no duplicates, all SENT",
    passed: thirdMs !== null && third.every((id) => thirdDelivery.perRow.get(id) === 1),
    detail: `${describeDelivery(thirdDelivery, third)}${thirdMs === null ? "; not all SENT within the bound" : `; all SENT ${(thirdMs / 1000).toFixed(1)} s after the worker ${exitMs === null ? "was given up on" : "exited"}`}`,
  });
}
