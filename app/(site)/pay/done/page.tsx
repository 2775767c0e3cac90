import type { Metadata } from "next";
import Link from "next/link";
import { CLINIC } from "@/lib/clinic";

export const metadata: Metadata = { title: "Payment", robots: { index: false } };

// Where a payment link staff emailed returns to after Stripe Checkout. The client may not be signed
// in (a client booked by phone may not even have a password yet), so this page shows no booking
// details: the signed webhook confirms the booking and the confirmation email carries them.
export default async function PaymentLinkDonePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { cancelled } = await searchParams;
  const paid = cancelled !== "1";
  return (
    <div className="mx-auto max-w-2xl px-4 py-12">
      <h1 className="font-serif text-3xl font-semibold text-teal-800">
        {paid ? "Thank you: your payment went through" : "Payment not made"}
      </h1>
      {paid ? (
        <p className="mt-4 text-lg">
          Your appointment is confirmed as soon as the payment reaches us, usually within a minute, and we email you the
          confirmation with all the details.
        </p>
      ) : (
        <p className="mt-4 text-lg">
          Nothing was charged. Your time stays held until the link in your email stops working; open it again to pay, or
          call us on{" "}
          <a href={`tel:${CLINIC.phone}`} className="font-semibold underline">
            {CLINIC.phoneDisplay}
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
