// (d) Stripe down (issue #15 point 3): the emulator is stopped (SIGSTOP: it accepts connections and
// never answers, like a hung Stripe), then killed (connections refused). A booking on either
// instance answers an honest 503 within 30 s and leaves no live hold; once the emulator is back,
// booking works again.
import { LIVE_STATUSES, type DeployContext, type SignedInClient } from "../context";
import { isHonest503, postBooking, type BookingAnswer } from "../http";
import { describeAnswers, formatStatusCounts } from "../report";

const ANSWER_WITHIN_MS = 30_000;
// Our own limit: a little past the contract's, so a slow answer is measured rather than cut off.
const REQUEST_TIMEOUT_MS = 40_000;

async function bookOnBoth(ctx: DeployContext, clients: SignedInClient[]): Promise<BookingAnswer[]> {
  return Promise.all(
    clients.map((client, index) =>
      postBooking(
        ctx.origins[index % 2] as string,
        client.cookie,
        { service: ctx.serviceSlug, therapist: ctx.therapistId, start: ctx.takeSlot(), intake: ctx.intake },
        REQUEST_TIMEOUT_MS,
      ),
    ),
  );
}

async function liveHolds(ctx: DeployContext, clients: SignedInClient[]): Promise<number> {
  return ctx.prisma.booking.count({
    where: { clientId: { in: clients.map((client) => client.id) }, status: { in: [...LIVE_STATUSES] } },
  });
}

async function checkDown(ctx: DeployContext, how: string, clients: SignedInClient[]): Promise<void> {
  const answers = await bookOnBoth(ctx, clients);
  const holds = await liveHolds(ctx, clients);
  ctx.note(`emulator ${how}: ${describeAnswers(answers)}; ${holds} live hold(s) left`);
  ctx.record({
    name: `emulator ${how}: honest 503 within ${ANSWER_WITHIN_MS / 1000} s`,
    passed: answers.every((answer) => isHonest503(answer) && answer.ms <= ANSWER_WITHIN_MS),
    detail: `${describeAnswers(answers)}${answers.some((a) => a.status === 503 && !isHonest503(a)) ? " (a 503 lacks Retry-After or the code)" : ""}`,
  });
  ctx.record({
    name: `emulator ${how}: no live hold left`,
    passed: holds === 0,
    detail: `${holds} live hold(s) for the ${clients.length} clients`,
  });
}

export async function stripeDown(ctx: DeployContext): Promise<void> {
  const hungClients = ctx.takeClients(2);
  const refusedClients = ctx.takeClients(2);

  ctx.emulator.signal("SIGSTOP");
  try {
    await checkDown(ctx, "hung (SIGSTOP)", hungClients);
  } finally {
    ctx.emulator.signal("SIGCONT");
  }

  ctx.emulator.signal("SIGKILL");
  const gone = await ctx.emulator.waitForExit(10_000);
  if (gone === null) throw new Error("the emulator did not exit on SIGKILL");
  await checkDown(ctx, "killed (refused)", refusedClients);

  await ctx.restartEmulator();
  const again = await bookOnBoth(ctx, refusedClients);
  ctx.note(`emulator restarted: ${describeAnswers(again)}`);
  ctx.record({
    name: "emulator back: bookings work again",
    passed: again.every((answer) => answer.status === 201 && typeof answer.checkoutUrl === "string"),
    detail: formatStatusCounts(again),
  });
}
