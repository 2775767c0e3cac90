// (e) Clean shutdown of an instance (issue #15 point 5). Requests are put in flight on instance A
// (held there by a table lock of about a second, inside the app's lock timeout, so they are surely
// under way), then A gets SIGTERM (sent to `npm start`, as a container runtime sends it to its
// command): its /api/health must say 503 { status: "draining" } at once, the requests in flight
// must complete with their normal answers, and A must exit within 10 s of the last request sent to
// it. Instance B keeps serving throughout.
import type { DeployContext } from "../context";
import { openLockConnection } from "../database";
import { postBooking, timedRequest, type TimedAnswer } from "../http";
import { sleep } from "../processes";
import { describeAnswers, formatStatusCounts } from "../report";
import { addDays, clinicToday } from "@/lib/time/clinic-time";

const EXIT_WITHIN_MS = 10_000;
const HEALTH_CHECKS = 3;

export async function drain(ctx: DeployContext): Promise<void> {
  const [originA, originB] = ctx.origins;
  const [instanceA] = ctx.instances;
  const clients = ctx.takeClients(2);
  const today = clinicToday("America/New_York");

  const lock = await openLockConnection(ctx.databaseUrl);
  let inFlight: Promise<{ kind: string; answer: TimedAnswer }[]>;
  let signalledAt = 0;
  let forwarded = false;
  const checkDelays: number[] = [];
  let lastRequestAt = 0;
  const health: TimedAnswer[] = [];
  try {
    await lock.query("BEGIN");
    await lock.query('LOCK TABLE "Booking" IN ACCESS EXCLUSIVE MODE');
    const availability = (offset: number) =>
      timedRequest(
        originA,
        `/api/availability?service=${ctx.serviceSlug}&therapist=${ctx.therapistId}&from=${addDays(today, 1 + offset)}&to=${addDays(today, 7 + offset)}`,
        { timeoutMs: 30_000 },
      ).then((answer) => ({ kind: "availability", answer }));
    const booking = (index: number) =>
      postBooking(
        originA,
        clients[index]?.cookie ?? "",
        { service: ctx.serviceSlug, therapist: ctx.therapistId, start: ctx.takeSlot(), intake: ctx.intake },
        30_000,
      ).then((answer) => ({ kind: "booking", answer: answer as TimedAnswer }));
    inFlight = Promise.all([0, 1, 2, 3, 4, 5].map(availability).concat([booking(0), booking(1)]));
    lastRequestAt = Date.now();
    // Let the requests reach the server and queue on the lock.
    await sleep(400);
    instanceA.signalLeader("SIGTERM");
    signalledAt = Date.now();
    // Did npm pass it on? If not, the server never heard: say so, then signal what is left of the
    // group (the server, orphaned by its shell), so the draining itself is still measured. Each
    // check is sent a moment after the signal: a request already on its way may be answered first.
    await sleep(150);
    const probeSentAt = Date.now();
    const probe = await timedRequest(originA, "/api/health", { timeoutMs: 3_000 });
    lastRequestAt = Date.now();
    forwarded = isDraining(probe);
    if (forwarded) {
      health.push(probe);
      checkDelays.push(probeSentAt - signalledAt);
    } else if (instanceA.signal("SIGTERM")) {
      signalledAt = Date.now();
      await sleep(150);
    }
    while (health.length < HEALTH_CHECKS) {
      checkDelays.push(Date.now() - signalledAt);
      health.push(await timedRequest(originA, "/api/health", { timeoutMs: 3_000 }));
      lastRequestAt = Date.now();
      await sleep(100);
    }
    // Released about 1.2 s after the requests went out: well inside the app's 2 s lock timeout.
    await lock.query("ROLLBACK");
  } finally {
    await lock.end().catch(() => undefined);
  }
  const finished = await inFlight;
  const draining = health.filter(isDraining);
  ctx.record({
    name: "npm start passes SIGTERM to the server",
    passed: forwarded,
    detail: forwarded
      ? "draining 150 ms after SIGTERM to npm"
      : "the server did not drain on SIGTERM to npm (npm signals its script's shell, and dash does not exec: the script needs `exec node …`); signalled the server itself to go on",
  });
  ctx.note(
    `SIGTERM to A with ${finished.length} requests in flight; /api/health after it: ` +
      health.map((answer) => `${answer.status || "no answer"}`).join(", "),
  );
  ctx.record({
    name: '/api/health 503 {status:"draining"} at once',
    passed: draining.length === health.length,
    detail: `${draining.length}/${health.length} checks draining, sent ${checkDelays.map((ms) => Math.round(ms)).join(", ")} ms after the server's SIGTERM`,
  });
  const abnormal = finished.filter(
    ({ kind, answer }) => !(kind === "availability" ? answer.status === 200 : answer.status === 201),
  );
  ctx.record({
    name: "in-flight requests complete normally",
    passed: abnormal.length === 0,
    detail: `${describeAnswers(finished.map((entry) => entry.answer))} (want 6×200 availability, 2×201 bookings)`,
  });

  // B keeps serving while A drains and exits.
  const fromB: TimedAnswer[] = [];
  const exitWait = instanceA.waitForExit(EXIT_WITHIN_MS + 10_000);
  const serveB = (async () => {
    for (let index = 0; index < 10; index++) {
      fromB.push(await timedRequest(originB, "/api/health", { timeoutMs: 5_000 }));
      fromB.push(
        await timedRequest(
          originB,
          `/api/availability?service=${ctx.serviceSlug}&from=${addDays(today, 2)}&to=${addDays(today, 8)}`,
          { timeoutMs: 5_000 },
        ),
      );
      await sleep(300);
    }
  })();
  const waited = await exitWait;
  await serveB;
  const exitedAt = instanceA.exitedAt;
  const afterLast = exitedAt === null ? null : exitedAt - lastRequestAt;
  ctx.record({
    name: `A exits within ${EXIT_WITHIN_MS / 1000} s of its last request`,
    passed: waited !== null && afterLast !== null && afterLast <= EXIT_WITHIN_MS,
    detail:
      exitedAt === null || afterLast === null
        ? `still running ${Math.round((Date.now() - lastRequestAt) / 1000)} s after its last request`
        : `exited ${(afterLast / 1000).toFixed(1)} s after its last request, ${((exitedAt - signalledAt) / 1000).toFixed(1)} s after SIGTERM`,
  });
  ctx.record({
    name: "B keeps serving",
    passed: fromB.length > 0 && fromB.every((answer) => answer.status === 200),
    detail: formatStatusCounts(fromB),
  });
}

function isDraining(answer: TimedAnswer): boolean {
  return answer.status === 503 && (answer.body as { status?: string } | null)?.status === "draining";
}
