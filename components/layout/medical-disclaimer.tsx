// The standing medical disclaimer: in the footer of every page and at the end of every article.
export function MedicalDisclaimer({ className = "" }: { className?: string }) {
  return (
    <section aria-label="Medical disclaimer" className={`text-sm text-muted ${className}`}>
      <p className="font-semibold text-ink">Medical disclaimer</p>
      <p className="mt-1">
        Our massage therapists educate and treat muscles; they do not diagnose. Nothing on this site is medical advice.
        Sudden pain, swelling, warmth or redness in one calf needs medical care now, not a massage. Chest pain, sudden
        breathlessness or coughing up blood: call 911.
      </p>
    </section>
  );
}
