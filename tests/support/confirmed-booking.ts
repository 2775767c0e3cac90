// A booking paid for through the Stripe emulator and confirmed by its webhook, as a client's
// appointment is before they cancel or move it.
import { createBooking } from "@/lib/booking/create-booking";
import { prisma } from "@/lib/db";
import { CLEAR_INTAKE, clinicTimeAhead, createBookableService, createClient } from "./booking-scenario";
import type { PaymentsHarness } from "./payments-harness";

type Bookable = Awaited<ReturnType<typeof createBookableService>>;

export async function confirmedBooking(
  harness: PaymentsHarness,
  options: { bookable?: Bookable; client?: { id: string; email: string }; start: Date },
) {
  const bookable = options.bookable ?? (await createBookableService());
  const client = options.client ?? (await createClient());
  const created = await createBooking({
    client,
    serviceSlug: bookable.service.slug,
    therapistId: bookable.therapists[0]?.id,
    start: options.start,
    intake: CLEAR_INTAKE,
  });
  const sessionId = created.checkoutUrl.split("/").pop() as string;
  harness.emulator.pay(sessionId);
  await harness.emulator.waitForWebhooks();
  const row = await prisma.booking.findUniqueOrThrow({ where: { id: created.booking.id }, select: { status: true } });
  if (row.status !== "CONFIRMED") throw new Error(`booking ${created.booking.id} is ${row.status}, not CONFIRMED`);
  return { bookingId: created.booking.id, client, ...bookable, sessionId };
}

export { clinicTimeAhead };
