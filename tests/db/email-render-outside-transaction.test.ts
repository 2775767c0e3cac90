// Templates render before a transaction opens (a transaction holds locks, not I/O): the payment
// confirmation, a lost slot's refund notice and the reminder are rendered first, then written in
// the transaction that changes the booking. Each render is checked against the transactions open.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { sendDueReminders } from "@/lib/jobs/send-due-reminders";
import { clinicTimeAhead, confirmedBooking } from "../support/confirmed-booking";
import { ENGINE } from "../support/db-setup";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";

const probe = vi.hoisted(() => ({ open: 0, renderedInside: [] as string[], rendered: [] as string[] }));

vi.mock("@/lib/db/transaction", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/db/transaction")>();
  const runTransaction: typeof actual.runTransaction = (client, work, options) =>
    actual.runTransaction(
      client,
      async (tx) => {
        probe.open++;
        try {
          return await work(tx);
        } finally {
          probe.open--;
        }
      },
      options,
    );
  return { ...actual, runTransaction };
});

vi.mock("@/lib/notifications/templates/render-email", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/notifications/templates/render-email")>();
  const renderEmail: typeof actual.renderEmail = (template, ...rest) => {
    probe.rendered.push(template);
    if (probe.open > 0) probe.renderedInside.push(template);
    return actual.renderEmail(template, ...rest);
  };
  return { ...actual, renderEmail };
});

let harness: PaymentsHarness;
beforeAll(async () => {
  harness = await startPaymentsHarness();
});
afterAll(async () => {
  await harness.close();
});
beforeEach(() => {
  probe.rendered.length = 0;
  probe.renderedInside.length = 0;
});

const HOUR_MS = 3_600_000;

describe(`email templates render outside transactions (${ENGINE})`, () => {
  it("renders the payment confirmation before the transaction that confirms the booking", async () => {
    await confirmedBooking(harness, { start: clinicTimeAhead(40, 10) });
    expect(probe.rendered).toContain("booking-confirmed");
    expect(probe.renderedInside).toEqual([]);
  });

  it("renders the reminder before the transaction that writes it", async () => {
    const start = clinicTimeAhead(41, 10);
    await confirmedBooking(harness, { start });
    probe.rendered.length = 0;
    probe.renderedInside.length = 0;
    await sendDueReminders({ now: new Date(start.getTime() - 20 * HOUR_MS) });
    expect(probe.rendered).toContain("booking-reminder");
    expect(probe.renderedInside).toEqual([]);
  });
});
