// The "when to seek care now" box: on every article about symptoms or risks, and wherever booking
// screening finds a red flag. It always points to a doctor or 911, never to a booking.
export function RedFlagBox({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section
      aria-labelledby="seek-care-now"
      className="not-prose rounded-2xl border-2 border-alert-700 bg-alert-50 p-5 text-ink"
    >
      <Heading id="seek-care-now" className="font-sans text-lg font-bold text-alert-700">
        When to seek care now
      </Heading>
      <p className="mt-2 font-semibold">Call 911 or go to an emergency room if you have:</p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        <li>chest pain, sudden shortness of breath, coughing up blood, or fainting;</li>
        <li>a leg or foot that suddenly turns cold, pale or blue.</li>
      </ul>
      <p className="mt-3 font-semibold">
        Get medical care now (call your doctor right away, or go to urgent care or an emergency room if you can&apos;t
        be seen today) if you notice:
      </p>
      <ul className="mt-1 list-disc space-y-1 pl-5">
        <li>sudden pain, swelling or tenderness in one calf or leg;</li>
        <li>skin over the calf that is warm, red or darker than the other leg;</li>
        <li>a surface vein that has become hard, painful, red or warm;</li>
        <li>any of these after surgery, a long trip, bed rest, pregnancy or a new hormonal medicine.</li>
      </ul>
      <p className="mt-3 text-sm text-muted">
        These can be signs of a blood clot (deep vein thrombosis). Only a doctor can rule it out, so please don&apos;t
        book a massage until one has checked your leg.
      </p>
    </section>
  );
}
