// The cancellation policy in plain words: one component, shown on every service page and again
// before payment, so the two can never say different things.
export function hoursInWords(hours: number): string {
  if (hours % 24 === 0 && hours >= 48) return `${hours / 24} days`;
  return hours === 1 ? "1 hour" : `${hours} hours`;
}

export function CancellationPolicy({
  cutoffHours,
  freeUntil,
  insideCutoff = false,
  className = "",
}: {
  cutoffHours: number;
  /** The last moment to cancel for a full refund, already formatted with its zone (on the review). */
  freeUntil?: string;
  /** The appointment is already closer than the cut-off: say plainly that it can't be refunded. */
  insideCutoff?: boolean;
  className?: string;
}) {
  const period = hoursInWords(cutoffHours);
  return (
    <div className={className}>
      {cutoffHours === 0 ? (
        <p>You can cancel for a full refund at any time before your appointment starts.</p>
      ) : (
        <>
          <p>
            <strong>Free cancellation up to {period} before your appointment</strong>
            {freeUntil ? (
              <>
                {" "}
                (until <span className="whitespace-nowrap">{freeUntil}</span>)
              </>
            ) : null}
            : cancel by then and you get a full refund.
          </p>
          <p className="mt-1">If you cancel later than that, or miss the appointment, the payment is not refunded.</p>
          {insideCutoff ? (
            <p className="mt-1 font-semibold">
              This appointment is less than {period} away, so this payment can&apos;t be refunded if you cancel.
            </p>
          ) : null}
        </>
      )}
    </div>
  );
}
