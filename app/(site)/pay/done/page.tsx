import type { Metadata } from "next";
import Link from "next/link";
import { confirmPaymentLinkReturn } from "@/lib/booking/confirm-payment-link-return";
import { getClinic } from "@/lib/clinic/get-clinic";

export const dynamic = "force-dynamic";

export const metadata: Metadata = { title: "Payment", robots: { index: false } };

const SESSION_ID = /^[A-Za-z0-9_]{1,255}$/;

// Where a payment link staff emailed returns to after Stripe Checkout. The client may not be signed
// in (a client booked by phone may not even have a password yet), so this page shows no booking
// details: the booking is confirmed here or by the signed webhook, and the confirmation email
// carries the details.
export default async function PaymentLinkDonePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { cancelled, session_id: sessionId } = await searchParams;
  const paid = cancelled !== "1";
  const outcome =
    paid && typeof sessionId === "string" && SESSION_ID.test(sessionId)
      ? await confirmPaymentLinkReturn(sessionId)
      : "unknown";
  return (
    <div className="mx-auto max-w-2xl px-4 py-12">
      <h1 className="font-serif text-3xl font-semibold text-teal-800">
        {paid ? "Thank you: your payment went through" : "Payment not made"}
      </h1>
      {paid ? (
        <p className="mt-4 text-lg">
          {outcome === "confirmed"
            ? "Your appointment is confirmed. We have emailed you the confirmation with all the details."
            : "Your appointment is confirmed as soon as the payment reaches us, usually within a minute, and we email you the confirmation with all the details."}
        </p>
      ) : (
        <p className="mt-4 text-lg">
          Nothing was charged. Your time stays held until the link in your email stops working; open it again to pay, or
          call us on{" "}
          <a href={`tel:${getClinic().phone}`} className="font-semibold underline">
            {getClinic().phoneDisplay}
          </a>
          .
        </p>
      )}
      <p className="mt-6">
        To see your appointments online,{" "}
        <Link href="/sign-in" className="font-semibold underline">
          sign in
        </Link>{" "}
        (or choose “Forgot password” there with the email we wrote to, to set a password).
      </p>
    </div>
  );
}
