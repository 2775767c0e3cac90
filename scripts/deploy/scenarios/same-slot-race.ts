// (a) The same-slot race across two instances (issue #15 points 1 and 2): in each trial, 10 clients
// send 5 simultaneous POST /api/bookings each for one slot, split across both instances. Whatever
// the interleaving: no 5xx, exactly one live booking for the slot, every other client 409, the
// winner's five answers one 201 and four 200 with the same booking and checkout, one payment.
import { LIVE_STATUSES, type DeployContext, type SignedInClient } from "../context";
import { postBooking, type BookingAnswer } from "../http";
import { sleep } from "../processes";
import { countServerErrors, describeAnswers, formatStatusCounts } from "../report";

const CLIENTS_PER_TRIAL = 10;
const REQUESTS_PER_CLIENT = 5;
const REQUEST_TIMEOUT_MS = 60_000;

interface TrialOutcome {
  trial: number;
  answers: BookingAnswer[];
  problems: string[];
  liveBookings: number;
  rowsForSlot: number;
}

async function runTrial(
  ctx: DeployContext,
  trial: number,
  clients: SignedInClient[],
  start: string,
): Promise<TrialOutcome> {
  const request = { service: ctx.serviceSlug, therapist: ctx.therapistId, start, intake: ctx.intake };
  const sent = clients.flatMap((client, c) =>
    Array.from({ length: REQUESTS_PER_CLIENT }, (_, r) => ({ client, origin: ctx.origins[(c + r) % 2] as string })),
  );
  const answers = await Promise.all(
    sent.map(({ client, origin }) => postBooking(origin, client.cookie, request, REQUEST_TIMEOUT_MS)),
  );
  const problems: string[] = [];
  const byClient = new Map<string, BookingAnswer[]>();
  sent.forEach(({ client }, index) => {
    const list = byClient.get(client.id) ?? [];
    list.push(answers[index] as BookingAnswer);
    byClient.set(client.id, list);
  });
  const winners = [...byClient].filter(([, list]) =>
    list.some((answer) => answer.status >= 200 && answer.status < 300),
  );
  if (winners.length !== 1) problems.push(`${winners.length} clients got a 2xx`);
  const loserAnswers: BookingAnswer[] = [];
  for (const [clientId, list] of byClient) {
    const isWinner = winners.some(([id]) => id === clientId);
    if (!isWinner) {
      loserAnswers.push(...list);
      continue;
    }
    const created = list.filter((answer) => answer.status === 201).length;
    const repeated = list.filter((answer) => answer.status === 200).length;
    const succeeded = list.filter((answer) => answer.status === 200 || answer.status === 201);
    const bookingIds = new Set(succeeded.map((answer) => answer.bookingId));
    const checkoutUrls = new Set(succeeded.map((answer) => answer.checkoutUrl));
    if (created !== 1 || repeated !== REQUESTS_PER_CLIENT - 1) {
      problems.push(`the winner got ${list.map((answer) => answer.status).join(",")} (want one 201, the rest 200)`);
    }
    if (bookingIds.size !== 1 || checkoutUrls.size !== 1) {
      problems.push(`the winner got ${bookingIds.size} booking ids and ${checkoutUrls.size} checkout URLs`);
    }
  }
  const loserOthers = loserAnswers.filter((answer) => answer.status !== 409);
  if (loserOthers.length > 0) problems.push(`losers got ${formatStatusCounts(loserOthers)} besides 409`);
  const rows = await ctx.prisma.booking.findMany({
    where: { therapistId: ctx.therapistId, startsAt: new Date(start) },
    select: { id: true, status: true, _count: { select: { payments: true } } },
  });
  const live = rows.filter((row) => (LIVE_STATUSES as readonly string[]).includes(row.status));
  if (live.length !== 1) problems.push(`${live.length} live bookings for the slot`);
  for (const row of live) {
    if (row._count.payments !== 1) problems.push(`the booking has ${row._count.payments} payments`);
  }
  const winnerBookingId = winners[0]?.[1].find((answer) => answer.bookingId)?.bookingId;
  if (winnerBookingId && live.length === 1 && live[0]?.id !== winnerBookingId) {
    problems.push("the live booking is not the one the winner was given");
  }
  return { trial, answers, problems, liveBookings: live.length, rowsForSlot: rows.length };
}

export function sameSlotRace(trials: number) {
  return async (ctx: DeployContext): Promise<void> => {
    // Two sets of clients take turns: each client books at most ceil(trials / 2) × 5 times, under
    // the app's 30 booking attempts per client per hour.
    const sets = [ctx.takeClients(CLIENTS_PER_TRIAL), ctx.takeClients(CLIENTS_PER_TRIAL)];
    const outcomes: TrialOutcome[] = [];
    for (let trial = 0; trial < trials; trial++) {
      const outcome = await runTrial(ctx, trial, sets[trial % 2] as SignedInClient[], ctx.takeSlot());
      outcomes.push(outcome);
      ctx.note(
        `trial ${trial + 1}: ${describeAnswers(outcome.answers)}; ${outcome.liveBookings} live booking ` +
          `(${outcome.rowsForSlot} rows for the slot)${outcome.problems.length ? ` — ${outcome.problems.join("; ")}` : ""}`,
      );
      await sleep(300);
    }
    const all = outcomes.flatMap((outcome) => outcome.answers);
    const serverErrors = outcomes.map((outcome) => countServerErrors(outcome.answers));
    const failedTrials = (match: RegExp) =>
      outcomes.filter((outcome) => outcome.problems.some((problem) => match.test(problem))).map((o) => o.trial + 1);
    ctx.note(`all ${trials} trials, ${all.length} requests: ${describeAnswers(all)}`);
    ctx.record({
      name: "no 5xx",
      passed: serverErrors.every((n) => n === 0) && all.every((answer) => answer.status !== 0),
      detail: `${trials} trials, ${all.length} requests: ${describeAnswers(all)}; 5xx per trial: ${serverErrors.join(" ")}`,
    });
    const oneBooking = failedTrials(/live bookings for the slot/);
    ctx.record({
      name: "exactly one booking per slot",
      passed: oneBooking.length === 0,
      detail: `live bookings per trial: ${outcomes.map((o) => o.liveBookings).join(" ")}`,
    });
    const losers = failedTrials(/losers|clients got a 2xx/);
    ctx.record({
      name: "every loser 409",
      passed: losers.length === 0,
      detail: losers.length ? `failed in trials ${losers.join(", ")}` : `${trials * (CLIENTS_PER_TRIAL - 1) * 5} × 409`,
    });
    const winner = failedTrials(/winner/);
    ctx.record({
      name: "winner: one 201, repeats 200, same booking+checkout",
      passed: winner.length === 0,
      detail: winner.length ? `failed in trials ${winner.join(", ")}` : `${trials} winners`,
    });
    const payments = failedTrials(/payments/);
    ctx.record({
      name: "one payment (checkout) per booking",
      passed: payments.length === 0,
      detail: payments.length ? `failed in trials ${payments.join(", ")}` : "1 per booking",
    });
  };
}
