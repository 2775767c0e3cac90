// What the hostile-input suites (API routes and Server Actions) send their bad values against: an
// admin with two-factor on (so staff routes and actions open whether or not REQUIRE_STAFF_MFA is
// set) with a booking of their own, and a count of the rows a bad value must never add.
import { prisma } from "@/lib/db";
import { bookingData, createService, createTherapist, createUser } from "./factories";

export async function createHostileScenario() {
  const therapist = await createTherapist();
  const service = await createService();
  const admin = await createUser({ role: "ADMIN" });
  await prisma.user.update({ where: { id: admin.id }, data: { totpEnabledAt: new Date() } });
  const booking = await prisma.booking.create({
    data: bookingData({
      clientId: admin.id,
      therapistId: therapist.id,
      service,
      startsAt: new Date(Date.now() + 5 * 86_400_000),
    }),
  });
  return { therapist, service, admin, booking };
}

/** Rows of the tables a request or form could write to. */
export async function countRows() {
  const counts = await Promise.all([
    prisma.booking.count(),
    prisma.payment.count(),
    prisma.refund.count(),
    prisma.user.count(),
    prisma.emailOutbox.count(),
    prisma.auditLog.count(),
    prisma.treatmentNote.count(),
    prisma.timeOff.count(),
    prisma.service.count(),
    prisma.accountToken.count(),
    prisma.stripeEvent.count(),
  ]);
  const [bookings, payments, refunds, users, emails, audits, notes, timeOff, services, tokens, stripeEvents] = counts;
  return { bookings, payments, refunds, users, emails, audits, notes, timeOff, services, tokens, stripeEvents };
}
