// Generated from lib/account/client-routes.ts: every client Server Action that takes a record's id
// reaches it through a domain function scoped to the signed-in client. Called here with ANOTHER
// client as the actor, each answers NotFound (the action's "we couldn't find that appointment") and
// changes nothing. Pages and API routes are checked the same way in e2e/account-access.spec.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLIENT_ROUTES, type ClientRoute } from "@/lib/account/client-routes";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { getClientBookingDetails } from "@/lib/booking/get-client-booking-details";
import { rescheduleBooking } from "@/lib/booking/reschedule-booking";
import { prisma } from "@/lib/db";
import { NotFound } from "@/lib/errors/domain-errors";
import { createClient } from "../support/booking-scenario";
import { createUser } from "../support/factories";
import { clinicTimeAhead, confirmedBooking } from "../support/confirmed-booking";
import { ENGINE } from "../support/db-setup";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";

type Actor = { id: string; role: "CLIENT" };
type Victim = { bookingId: string; startsAt: Date };

// One caller per domain function the list names; a new entry needs its caller here.
const DOMAIN_CALLERS: Record<string, (victim: Victim, stranger: Actor) => Promise<unknown>> = {
  cancelBooking: (victim, stranger) => cancelBooking({ bookingId: victim.bookingId, actor: stranger }),
  rescheduleBooking: (victim, stranger) =>
    rescheduleBooking({
      bookingId: victim.bookingId,
      actor: stranger,
      start: new Date(victim.startsAt.getTime() + 24 * 3_600_000),
    }),
};

const ACTION_FILES = [path.join("app", "(account)"), path.join("app", "(site)", "book")].flatMap((dir) =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === "actions.ts")
    .map((entry) => path.join(entry.parentPath, entry.name)),
);

const idActions = (Object.entries(CLIENT_ROUTES) as [string, ClientRoute][]).filter(
  ([, route]) => route.kind === "action" && route.target !== "own-account",
);

let harness: PaymentsHarness;
let victim: Victim & { clientId: string };
let stranger: Actor;

beforeAll(async () => {
  harness = await startPaymentsHarness();
  const startsAt = clinicTimeAhead(40, 10);
  const booked = await confirmedBooking(harness, { start: startsAt });
  victim = { bookingId: booked.bookingId, startsAt, clientId: booked.client.id };
  stranger = { id: (await createClient()).id, role: "CLIENT" };
});
afterAll(async () => {
  await harness.close();
});

describe(`client Server Actions with another client's id (${ENGINE})`, () => {
  it("has actions that take an id", () => {
    expect(idActions.map(([key]) => key)).toEqual(
      expect.arrayContaining(["action:cancelBookingAction", "action:rescheduleBookingAction"]),
    );
  });

  it.each(idActions)("%s: its domain function answers NotFound and changes nothing", async (key, route) => {
    const name = key.slice("action:".length);
    const file = ACTION_FILES.find((candidate) =>
      new RegExp(`export async function ${name}\\s*\\(`).test(readFileSync(candidate, "utf8")),
    );
    expect(file, `${name} is exported from an actions.ts`).toBeDefined();
    const domain = route.domain as string;
    expect(readFileSync(file as string, "utf8"), `${name} calls ${domain}`).toContain(`${domain}(`);
    const call = DOMAIN_CALLERS[domain];
    expect(call, `add a caller for ${domain} to tests/db/client-access.test.ts`).toBeDefined();

    const before = await prisma.booking.findUniqueOrThrow({ where: { id: victim.bookingId } });
    await expect((call as NonNullable<typeof call>)(victim, stranger)).rejects.toBeInstanceOf(NotFound);
    expect(await prisma.booking.findUniqueOrThrow({ where: { id: victim.bookingId } })).toEqual(before);
    expect(await prisma.refund.count({ where: { payment: { bookingId: victim.bookingId } } })).toBe(0);
  });

  // An admin signed in to the account pages reached every booking with staff rights (the domain
  // functions widen the scope for a staff role), with no two-factor gate: the account actions act
  // as a client, whoever is signed in (review finding, session of issue #16).
  it("acts as a client in every account action, whatever the signed-in role", () => {
    for (const file of ACTION_FILES) {
      const source = readFileSync(file, "utf8");
      for (const actor of source.matchAll(/actor:\s*\{[^}]*\}/g)) {
        expect(actor[0], file).toMatch(/role:\s*"CLIENT"/);
      }
    }
  });

  it("shows why: with a staff role, the same reschedule reaches another client's booking", async () => {
    const admin = { id: (await createUser({ role: "ADMIN" })).id, role: "ADMIN" as const };
    await expect(
      rescheduleBooking({
        bookingId: victim.bookingId,
        actor: admin,
        start: new Date(victim.startsAt.getTime() + 60_000),
      }),
    ).rejects.not.toBeInstanceOf(NotFound);
  });

  it("the account page's read gives another client nothing", async () => {
    expect(await getClientBookingDetails(stranger.id, victim.bookingId)).toBeNull();
    expect(await getClientBookingDetails(victim.clientId, victim.bookingId)).not.toBeNull();
  });
});
