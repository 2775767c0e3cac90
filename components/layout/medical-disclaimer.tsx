// The standing medical disclaimer, one source of its words: in full at the end of every article, and
// in short in the footer (so an article page does not show the whole text twice).
const SAFETY_LINE =
  "Sudden pain, swelling, warmth or redness in one calf needs medical care now, not a massage. Chest pain, sudden breathlessness or coughing up blood: call 911.";

export function MedicalDisclaimer({ className = "", short = false }: { className?: string; short?: boolean }) {
  return (
    <section aria-label="Medical disclaimer" className={`text-sm text-muted ${className}`}>
      <p className="font-semibold text-ink">Medical disclaimer</p>
      {short ? (
        <p className="mt-1">
          We educate and massage; we do not diagnose, and nothing here is medical advice. {SAFETY_LINE}
        </p>
      ) : (
        <p className="mt-1">
          Our massage therapists educate and treat muscles; they do not diagnose. Nothing on this site is medical
          advice. {SAFETY_LINE}
        </p>
      )}
    </section>
  );
}
