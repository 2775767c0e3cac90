// A receipt for one appointment: the clinic's details, the treatment and its time, each payment and
// each refund with its date, and the tax contained when prices include tax. Printable
// (receipt-print.css); every amount in the booking's currency.
import { StatusBadge } from "@/components/booking/status-badge";
import type { ClientBookingDetails } from "@/lib/booking/get-client-booking-details";
import { formatMoney } from "@/lib/money";
import { taxContainedCents } from "@/lib/payments/tax-contained";
import { formatClinicDateTime } from "@/lib/time/clinic-time";
import "./receipt-print.css";
import { getClinicIdentity } from "@/lib/clinic/clinic-identity";

const REFUND_STATUS = { PENDING: "being processed", SUCCEEDED: "refunded", FAILED: "failed" } as const;

export function BookingReceipt({
  details,
  clientName,
  clientEmail,
  timeZone,
  tax,
}: {
  details: ClientBookingDetails;
  clientName: string | null;
  clientEmail: string;
  timeZone: string;
  /** Prices include tax at this rate: shown as its own line, under this label. */
  tax?: { ratePercent: number; label: string };
}) {
  const { booking } = details;
  const money = (cents: number, currency = booking.currency) => formatMoney(cents, currency);
  const paid = details.payments.reduce((sum, payment) => sum + payment.amountCents, 0);
  const refunded = details.payments.reduce((sum, payment) => sum + payment.amountRefundedCents, 0);
  const kept = paid - refunded;
  return (
    <article className="receipt rounded-2xl bg-white p-6 ring-1 ring-teal-600/15" aria-labelledby="receipt-heading">
      <header className="receipt-header flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 id="receipt-heading" className="text-2xl font-semibold">
            Receipt
          </h1>
          <p className="text-muted">Appointment reference {booking.id}</p>
        </div>
        <address className="text-right not-italic">
          <strong>{getClinicIdentity().name}</strong>
          <br />
          {getClinicIdentity().street}
          <br />
          {getClinicIdentity().locality}, {getClinicIdentity().region} {getClinicIdentity().postalCode}
          <br />
          {getClinicIdentity().phoneDisplay} · {getClinicIdentity().email}
        </address>
      </header>

      <section aria-labelledby="receipt-for" className="mt-6">
        <h2 id="receipt-for" className="font-semibold">
          For
        </h2>
        <p>
          {clientName ? `${clientName}, ` : ""}
          {clientEmail}
        </p>
      </section>

      <section aria-labelledby="receipt-treatment" className="mt-6">
        <h2 id="receipt-treatment" className="font-semibold">
          Treatment
        </h2>
        <p>
          {booking.service.name} ({details.durationMinutes} min) with {booking.therapist.name}
        </p>
        <p>{formatClinicDateTime(new Date(booking.startsAt), timeZone)}</p>
        <p className="mt-1">
          <StatusBadge status={booking.status} />
        </p>
      </section>

      <table className="mt-6 w-full text-left">
        <caption className="sr-only">Payments and refunds</caption>
        <thead>
          <tr className="border-b border-teal-600/20">
            <th scope="col" className="py-2">
              Date
            </th>
            <th scope="col" className="py-2">
              Item
            </th>
            <th scope="col" className="py-2 text-right">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {details.payments.flatMap((payment) => [
            <tr key={payment.id} className="border-b border-teal-600/10">
              <td className="py-2">{payment.paidAt ? formatClinicDateTime(new Date(payment.paidAt), timeZone) : ""}</td>
              <td className="py-2">Payment: {booking.service.name}</td>
              <td className="py-2 text-right">{money(payment.amountCents, payment.currency)}</td>
            </tr>,
            ...payment.refunds.map((refund) => (
              <tr key={refund.id} className="border-b border-teal-600/10">
                <td className="py-2">{formatClinicDateTime(new Date(refund.createdAt), timeZone)}</td>
                <td className="py-2">Refund ({REFUND_STATUS[refund.status]})</td>
                <td className="py-2 text-right">−{money(refund.amountCents, payment.currency)}</td>
              </tr>
            )),
          ])}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row" colSpan={2} className="pt-3">
              Paid
            </th>
            <td className="pt-3 text-right">{money(paid)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={2}>
              Refunded
            </th>
            <td className="text-right">{money(refunded)}</td>
          </tr>
          <tr>
            <th scope="row" colSpan={2} className="font-semibold">
              Total kept
            </th>
            <td className="text-right font-semibold">{money(kept)}</td>
          </tr>
          {tax ? (
            <tr>
              <th scope="row" colSpan={2} className="font-normal">
                Includes {tax.label} ({tax.ratePercent}%)
              </th>
              <td className="text-right">{money(taxContainedCents(kept, tax.ratePercent))}</td>
            </tr>
          ) : null}
        </tfoot>
      </table>
    </article>
  );
}
