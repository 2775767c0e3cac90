// The "when to seek care now" box: on every article about symptoms or risks, and wherever booking
// screening stops a booking. Its signs are the questionnaire's own (lib/clinical/questionnaire.ts):
// the answers that send a client to 911 or to a doctor today. It always points to a doctor or 911,
// never to a booking.
import { redFlagSigns } from "@/lib/clinical/questionnaire";

const SIGNS = redFlagSigns();

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
      <ul className="mt-1 list-disc space-y-1 pl-5" data-outcome="emergency">
        {SIGNS.emergency.map((sign) => (
          <li key={sign}>{sign}</li>
        ))}
      </ul>
      <p className="mt-3 font-semibold">
        See a doctor today (call your doctor now; if no one can see you today, go to urgent care or an emergency room)
        if you notice:
      </p>
      <ul className="mt-1 list-disc space-y-1 pl-5" data-outcome="same_day">
        {SIGNS.sameDay.map((sign) => (
          <li key={sign}>{sign}</li>
        ))}
      </ul>
      <p className="mt-3 text-sm text-muted">
        Some of these can be signs of a blood clot (deep vein thrombosis) or of poor blood flow to the leg. Only a
        doctor can rule them out, so please don&apos;t book a massage until one has checked your leg.
      </p>
    </section>
  );
}
