// (b) One client's concurrent requests (issue #15 point 2), across both instances:
//  1. ten simultaneous repeats of one request: one 201 and nine 200 with the same booking and
//     checkout, one live hold, one new open checkout session in the emulator;
//  2. then the same client asks for three other times at once (two requests each): whichever hold
//     survives, the client ends with exactly one live hold and one open checkout, and every
//     checkout of a released hold is expired, even one released before its Payment row existed.
import { LIVE_STATUSES, type DeployContext } from "../context";
import { readCheckoutStatus, readEmulatorHealth } from "../deployment";
import { postBooking, sessionIdOfCheckoutUrl, type BookingAnswer } from "../http";
import { sleep } from "../processes";
import { countServerErrors, describeAnswers, formatStatusCounts } from "../report";

const REQUEST_TIMEOUT_MS = 60_000;

async function openCheckouts(ctx: DeployContext): Promise<number | null> {
  return (await readEmulatorHealth(ctx.ports.emulator))?.checkoutSessions?.open ?? null;
}

async function liveHoldsOf(ctx: DeployContext, clientId: string) {
  return ctx.prisma.booking.findMany({
    where: { clientId, status: { in: [...LIVE_STATUSES] } },
    select: { id: true, status: true },
  });
}

/** Every checkout session the client was given or that the database knows of, with its status. */
async function checkoutStatuses(ctx: DeployContext, clientId: string, answers: BookingAnswer[]) {
  const payments = await ctx.prisma.payment.findMany({
    where: { booking: { clientId } },
    select: { stripeCheckoutSessionId: true, bookingId: true },
  });
  const sessions = new Set<string>();
  for (const payment of payments) if (payment.stripeCheckoutSessionId) sessions.add(payment.stripeCheckoutSessionId);
  for (const answer of answers) if (answer.checkoutUrl) sessions.add(sessionIdOfCheckoutUrl(answer.checkoutUrl));
  const statuses = new Map<string, string | null>();
  for (const id of sessions) {
    statuses.set(id, await readCheckoutStatus(ctx.ports.emulator, ctx.secrets.stripeSecretKey, id));
  }
  return statuses;
}

export async function clientRepeats(ctx: DeployContext): Promise<void> {
  const [client] = ctx.takeClients(1);
  if (!client) throw new Error("no client left for the repeats scenario");
  const openBefore = await openCheckouts(ctx);

  // 1. Ten simultaneous repeats of one request, five on each instance.
  const start = ctx.takeSlot();
  const request = { service: ctx.serviceSlug, therapist: ctx.therapistId, start, intake: ctx.intake };
  const repeats = await Promise.all(
    Array.from({ length: 10 }, (_, index) =>
      postBooking(ctx.origins[index % 2] as string, client.cookie, request, REQUEST_TIMEOUT_MS),
    ),
  );
  const holdsAfterRepeats = await liveHoldsOf(ctx, client.id);
  await sleep(500);
  const openAfterRepeats = await openCheckouts(ctx);
  ctx.note(`10 repeats: ${describeAnswers(repeats)}; ${holdsAfterRepeats.length} live hold(s)`);
  const created = repeats.filter((answer) => answer.status === 201).length;
  const repeated = repeats.filter((answer) => answer.status === 200).length;
  const succeeded = repeats.filter((answer) => answer.status === 200 || answer.status === 201);
  const bookingIds = new Set(succeeded.map((answer) => answer.bookingId));
  const checkoutUrls = new Set(succeeded.map((answer) => answer.checkoutUrl));
  ctx.record({
    name: "repeats: one 201, nine 200, same booking+checkout",
    passed: created === 1 && repeated === 9 && bookingIds.size === 1 && checkoutUrls.size === 1,
    detail: `${formatStatusCounts(repeats)}; ${bookingIds.size} booking id(s), ${checkoutUrls.size} checkout URL(s)`,
  });
  const newOpen = openBefore === null || openAfterRepeats === null ? null : openAfterRepeats - openBefore;
  ctx.record({
    name: "repeats: one live hold, one open checkout",
    passed: holdsAfterRepeats.length === 1 && newOpen === 1,
    detail: `${holdsAfterRepeats.length} live hold(s); ${newOpen ?? "unknown (emulator /health has no counts)"} new open checkout session(s) in the emulator`,
  });

  // 2. Three other times at once, two requests each, split across the instances.
  const others = [ctx.takeSlot(), ctx.takeSlot(), ctx.takeSlot()];
  const switches = await Promise.all(
    others.flatMap((other, index) =>
      [0, 1].map((copy) =>
        postBooking(
          ctx.origins[(index + copy) % 2] as string,
          client.cookie,
          { ...request, start: other },
          REQUEST_TIMEOUT_MS,
        ),
      ),
    ),
  );
  // Expiring a released hold's checkout may finish a moment after the answers.
  await sleep(1_000);
  const holds = await liveHoldsOf(ctx, client.id);
  const openAfter = await openCheckouts(ctx);
  const statuses = await checkoutStatuses(ctx, client.id, [...repeats, ...switches]);
  const livePayments = await ctx.prisma.payment.findMany({
    where: { bookingId: { in: holds.map((hold) => hold.id) } },
    select: { stripeCheckoutSessionId: true },
  });
  const liveSessions = new Set(livePayments.flatMap((payment) => payment.stripeCheckoutSessionId ?? []));
  const openSessions = [...statuses].filter(([, status]) => status === "open").map(([id]) => id);
  const releasedStillOpen = openSessions.filter((id) => !liveSessions.has(id));
  const expired = [...statuses.values()].filter((status) => status === "expired").length;
  ctx.note(
    `3 other times × 2 at once: ${describeAnswers(switches)}; ${holds.length} live hold(s); ` +
      `${statuses.size} checkout sessions seen: ${openSessions.length} open, ${expired} expired`,
  );
  ctx.record({
    name: "switching times: no 5xx",
    passed: countServerErrors(switches) === 0 && switches.every((answer) => answer.status !== 0),
    detail: formatStatusCounts(switches),
  });
  const totalNewOpen = openBefore === null || openAfter === null ? null : openAfter - openBefore;
  ctx.record({
    name: "switching times: one live hold, one open checkout",
    passed: holds.length === 1 && openSessions.length === 1 && liveSessions.size === 1 && totalNewOpen === 1,
    detail:
      `${holds.length} live hold(s), ${openSessions.length} open of the client's ${statuses.size} sessions, ` +
      `${totalNewOpen ?? "unknown"} new open session(s) in the emulator since the scenario began`,
  });
  ctx.record({
    name: "released holds' checkouts expired",
    passed: releasedStillOpen.length === 0 && totalNewOpen !== null && totalNewOpen <= 1,
    detail: `${expired} expired, ${releasedStillOpen.length} still open without a live hold`,
  });
}
