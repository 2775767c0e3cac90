// The cancellation policy in plain words: one component, shown on every service page, again before
// payment and on each appointment, with its sentences from describeCancellationPolicy (which the
// emails use too), so no two places can say different things.
import {
  describeCancellationPolicy,
  hoursInWords,
  lateRefundCents,
  type CancellationTerms,
} from "@/lib/booking/cancellation-policy";

export { hoursInWords };

export function CancellationPolicy({
  terms,
  freeUntil,
  insideCutoff = false,
  className = "",
}: {
  terms: CancellationTerms;
  /** The last moment to cancel for a full refund, already formatted with its zone (on the review). */
  freeUntil?: string;
  /** The appointment is already closer than the cut-off: say plainly what a cancellation gives now. */
  insideCutoff?: boolean;
  className?: string;
}) {
  const words = describeCancellationPolicy(terms);
  const [freeHeadline, freeRest] = words.free.split(": ");
  return (
    <div className={className}>
      {terms.freeCancellationHours === 0 ? (
        <p>{words.free}</p>
      ) : (
        <p>
          <strong>{freeHeadline}</strong>
          {freeUntil ? (
            <>
              {" "}
              (until <span className="whitespace-nowrap">{freeUntil}</span>)
            </>
          ) : null}
          : {freeRest}
        </p>
      )}
      <p className="mt-1">{words.late}</p>
      <p className="mt-1">{words.symptoms}</p>
      {insideCutoff && terms.freeCancellationHours > 0 ? (
        <p className="mt-1 font-semibold">
          This appointment is less than {hoursInWords(terms.freeCancellationHours)} away, so
          {lateRefundCents(100, terms.lateCancellationRefundPercent) > 0
            ? ` a cancellation refunds ${terms.lateCancellationRefundPercent}% of this payment.`
            : " this payment can't be refunded if you cancel."}
        </p>
      ) : null}
    </div>
  );
}
