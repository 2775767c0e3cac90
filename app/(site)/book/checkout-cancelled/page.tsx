import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { bookingHref, parseBookingNotices } from "@/components/booking/booking-url";

export const metadata: Metadata = { title: "Payment not finished", robots: { index: false } };

// Checkout's cancel_url. The /book page reads the held booking (scoped to the signed-in client),
// puts its choice back in the URL and shows the review with how long the time is held.
export default async function CheckoutCancelledPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { booking } = parseBookingNotices(await searchParams);
  redirect(booking ? bookingHref({}, { booking, cancelled: true }) : "/book");
}
