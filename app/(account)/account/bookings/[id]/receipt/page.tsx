import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { BookingReceipt } from "@/components/account/booking-receipt";
import { PrintButton } from "@/components/account/print-button";
import { requireUser } from "@/lib/auth/guards";
import { getClientBookingDetails } from "@/lib/booking/get-client-booking-details";
import { getEnv } from "@/lib/env";
import { getClinic } from "@/lib/clinic/get-clinic";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Receipt", robots: { index: false } };

export default async function ReceiptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const path = `/account/bookings/${encodeURIComponent(id)}`;
  const user = await requireUser(`${path}/receipt`);
  const details = await getClientBookingDetails(user.id, id);
  // Nothing was ever paid: there is no receipt to show, as for anyone else's booking.
  if (!details || details.payments.length === 0) notFound();
  const env = getEnv();
  return (
    <div className="flex flex-col gap-6">
      <div className="receipt-no-print flex flex-wrap items-center justify-between gap-3">
        <Link href={path} className="inline-flex min-h-11 items-center font-semibold text-teal-800 underline">
          ← Back to the appointment
        </Link>
        <PrintButton />
      </div>
      <BookingReceipt
        details={details}
        clientName={user.name}
        clientEmail={user.email}
        timeZone={getClinic().timeZone}
        tax={
          env.TAX_RATE_PERCENT !== undefined && env.TAX_RATE_PERCENT > 0
            ? { ratePercent: env.TAX_RATE_PERCENT, label: env.TAX_LABEL }
            : undefined
        }
      />
    </div>
  );
}
