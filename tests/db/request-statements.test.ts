// How many SQL statements one availability request and one booking request cost, counted at the
// driver. `npm run bench` prints these figures (PRINT_STATEMENT_COUNTS); the bounds here keep a
// change from quietly adding round trips to the two hottest paths.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getAvailability } from "@/lib/availability/get-availability";
import { createSessionRecord, findSessionUser } from "@/lib/auth/sessions";
import { createBooking } from "@/lib/booking/create-booking";
import { countStatements } from "../support/count-statements";
import { ENGINE } from "../support/db-setup";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";
import { CLEAR_INTAKE, clinicTimeAhead, createBookableService, createClient } from "../support/booking-scenario";
import { addDays, clinicToday } from "@/lib/time/clinic-time";

let harness: PaymentsHarness;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});

describe(`statements per request (${ENGINE})`, () => {
  it("answers an availability request in one statement and a whole booking request in at most ten", async () => {
    const { service } = await createBookableService({ therapists: 3 });
    const today = clinicToday("America/New_York");
    const availability = await countStatements(() =>
      getAvailability({ service: service.slug, from: addDays(today, 1), to: addDays(today, 7), therapist: undefined }),
    );
    expect(availability.result.slots.length).toBeGreaterThan(0);

    const client = await createClient();
    // Warm: the first booking of a process also prepares statements and pools.
    await createBooking({
      client: await createClient(),
      serviceSlug: service.slug,
      start: clinicTimeAhead(2, 9),
      intake: CLEAR_INTAKE,
    });
    const sid = await createSessionRecord(client.id);
    // What POST /api/bookings does with the database: the session behind the cookie, then the booking.
    const booking = await countStatements(async () => {
      expect(await findSessionUser(sid)).toMatchObject({ id: client.id });
      return createBooking({ client, serviceSlug: service.slug, start: clinicTimeAhead(3, 10), intake: CLEAR_INTAKE });
    });
    expect(booking.result.booking.status).toBe("PENDING_PAYMENT");

    if (process.env.PRINT_STATEMENT_COUNTS) {
      console.log(`STATEMENTS availability=${availability.statements} booking=${booking.statements}`);
    }
    expect(availability.statements).toBe(1);
    // Counted at the driver (node-postgres sends BEGIN and COMMIT as statements of their own): the
    // session, the throttle, BEGIN, the locks, one read, the release of holds in the way, the row,
    // its audit entry, COMMIT, and the checkout's payment row: 10 on PostgreSQL, the cap.
    expect(booking.statements).toBeLessThanOrEqual(10);
  });
});
