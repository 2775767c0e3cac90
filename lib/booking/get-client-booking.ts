// A client's own bookings. Every read is scoped to the client: someone else's booking id gives
// the same answer as an id that does not exist.
import { prisma } from "@/lib/db";
import { NotFound } from "@/lib/errors/domain-errors";
import { bookingViewSelect, toBookingView, type BookingView } from "./booking-view";

export async function getClientBooking(clientId: string, bookingId: string): Promise<BookingView | null> {
  const row = await prisma.booking.findFirst({ where: { id: bookingId, clientId }, select: bookingViewSelect });
  return row ? toBookingView(row) : null;
}

export async function getClientBookingOrThrow(clientId: string, bookingId: string): Promise<BookingView> {
  const booking = await getClientBooking(clientId, bookingId);
  if (!booking) throw new NotFound("We couldn't find that appointment.");
  return booking;
}

/** The booking a Checkout Session paid for, when it is this client's (the success page). */
export async function getClientBookingByCheckoutSession(
  clientId: string,
  checkoutSessionId: string,
): Promise<BookingView | null> {
  const row = await prisma.booking.findFirst({
    where: { clientId, payments: { some: { stripeCheckoutSessionId: checkoutSessionId } } },
    select: bookingViewSelect,
  });
  return row ? toBookingView(row) : null;
}

export async function listClientBookingViews(clientId: string): Promise<BookingView[]> {
  const rows = await prisma.booking.findMany({
    where: { clientId },
    orderBy: { startsAt: "desc" },
    take: 200,
    select: bookingViewSelect,
  });
  return rows.map(toBookingView);
}
