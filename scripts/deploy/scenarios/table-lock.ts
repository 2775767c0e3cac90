// (c) Bounded waits (issue #15 point 3): another connection holds `LOCK TABLE "Booking" IN ACCESS
// EXCLUSIVE MODE` for 10 s while clients keep asking both instances for availability, /api/me and
// new bookings. Every answer must come within 8 s and be a success or an honest 503 (Retry-After,
// code "unavailable"); a booking may also be a 409 for a real conflict. Nothing hangs, nothing 500s,
// and the instances do not log a stack trace per failed request.
import type { DeployContext } from "../context";
import { openLockConnection } from "../database";
import { isHonest503, postBooking, timedRequest, type TimedAnswer } from "../http";
import { sleep } from "../processes";
import { describeAnswers, formatStatusCounts } from "../report";
import { addDays, clinicToday } from "@/lib/time/clinic-time";

const LOCK_MS = 10_000;
const ANSWER_WITHIN_MS = 8_000;
/** Our own limit per request: past it the answer counts as missing (and too slow). */
const REQUEST_TIMEOUT_MS = 20_000;
/** Log lines one instance may write while the lock lasts: a line per failure kind per interval, not a stack per request. */
const LOG_LINES_ALLOWED = 40;
/** Bookings tried while locked: each takes a slot, and a client may try 30 times an hour. */
const MAX_BOOKINGS = 8;

type Kind = "availability" | "me" | "booking";

export async function tableLock(ctx: DeployContext): Promise<void> {
  const clients = ctx.takeClients(2);
  const logBefore = ctx.instances.map((instance) => instance.logLines().length);
  const lock = await openLockConnection(ctx.databaseUrl);
  const answers: { kind: Kind; answer: TimedAnswer }[] = [];
  try {
    await lock.query("BEGIN");
    await lock.query('LOCK TABLE "Booking" IN ACCESS EXCLUSIVE MODE');
    const lockedAt = Date.now();
    const today = clinicToday("America/New_York");
    let sequence = 0;
    let bookings = 0;
    // Four lanes of back-to-back requests while the lock lasts, alternating instances.
    const lane = async (kind: Kind, laneIndex: number) => {
      while (Date.now() - lockedAt < LOCK_MS - 500 && !(kind === "booking" && bookings >= MAX_BOOKINGS)) {
        const origin = ctx.origins[(sequence++ + laneIndex) % 2] as string;
        let answer: TimedAnswer;
        if (kind === "availability") {
          // A different range each time: the instance's short availability cache must not answer for the database.
          const from = addDays(today, 1 + (sequence % 40));
          answer = await timedRequest(
            origin,
            `/api/availability?service=${ctx.serviceSlug}&therapist=${ctx.therapistId}&from=${from}&to=${addDays(from, 6)}`,
            { timeoutMs: REQUEST_TIMEOUT_MS },
          );
        } else if (kind === "me") {
          answer = await timedRequest(origin, "/api/me", {
            cookie: clients[0]?.cookie,
            timeoutMs: REQUEST_TIMEOUT_MS,
          });
        } else {
          const client = clients[bookings++ % clients.length];
          answer = await postBooking(
            origin,
            client?.cookie ?? "",
            { service: ctx.serviceSlug, therapist: ctx.therapistId, start: ctx.takeSlot(), intake: ctx.intake },
            REQUEST_TIMEOUT_MS,
          );
        }
        answers.push({ kind, answer });
        await sleep(100);
      }
    };
    const lanes = Promise.all([lane("availability", 0), lane("availability", 1), lane("me", 0), lane("booking", 1)]);
    await sleep(Math.max(0, LOCK_MS - (Date.now() - lockedAt)));
    await lock.query("ROLLBACK");
    ctx.note(`lock held ${((Date.now() - lockedAt) / 1000).toFixed(1)} s`);
    await lanes;
  } finally {
    await lock.end().catch(() => undefined);
  }

  for (const kind of ["availability", "me", "booking"] as const) {
    const ofKind = answers.filter((entry) => entry.kind === kind).map((entry) => entry.answer);
    ctx.note(`${kind}: ${describeAnswers(ofKind)}`);
  }
  const all = answers.map((entry) => entry.answer);
  const allowed = (entry: { kind: Kind; answer: TimedAnswer }) =>
    entry.answer.status === 200 ||
    entry.answer.status === 503 ||
    (entry.kind === "booking" && (entry.answer.status === 201 || entry.answer.status === 409));
  const others = answers.filter((entry) => !allowed(entry));
  ctx.record({
    name: "only 200/503 (bookings 201/409 too)",
    passed: others.length === 0 && all.length > 0,
    detail: `${all.length} requests: ${formatStatusCounts(all)}`,
  });
  const slow = all.filter((answer) => answer.status === 0 || answer.ms > ANSWER_WITHIN_MS);
  ctx.record({
    name: `every answer within ${ANSWER_WITHIN_MS / 1000} s`,
    passed: slow.length === 0 && all.length > 0,
    detail: `${describeAnswers(all)}; ${slow.length} slower or unanswered`,
  });
  const unavailable = all.filter((answer) => answer.status === 503);
  const dishonest = unavailable.filter((answer) => !isHonest503(answer));
  ctx.record({
    name: '503s carry Retry-After and code "unavailable"',
    passed: dishonest.length === 0,
    detail: `${unavailable.length} × 503, ${dishonest.length} without Retry-After or the code`,
  });
  const logLines = ctx.instances.map((instance, index) => instance.logLines().length - (logBefore[index] ?? 0));
  ctx.record({
    name: "instances' logs stay short",
    passed: logLines.every((lines) => lines <= LOG_LINES_ALLOWED),
    detail: `log lines written while locked: A ${logLines[0]}, B ${logLines[1]} (≤ ${LOG_LINES_ALLOWED} each)`,
  });
}
