// What to do about new symptoms before or after a visit, in one place: every email that mentions
// symptoms, the calendar file and the booking confirmation page say exactly these sentences
// (clinical rules, questionnaire v2: one-sided calf symptoms → a doctor today, urgent care if no one
// can see you; chest pain or sudden breathlessness → 911). Plain text, so a calendar file can carry it.

export const SYMPTOM_ADVICE = {
  /** Same-day advice: a possible clot in the leg. */
  sameDay:
    "New pain, swelling, warmth or redness in one calf or leg: see a doctor today, or go to urgent care if no one can see you today. It can be a sign of a blood clot, so please don't come for a massage first.",
  /** Emergency advice: a possible clot in the lung. */
  emergency: "Chest pain, sudden shortness of breath or coughing up blood: call 911 now.",
} as const;

/** Both sentences, same-day first, for places that have room for one line of text only. */
export const SYMPTOM_ADVICE_TEXT = `${SYMPTOM_ADVICE.sameDay} ${SYMPTOM_ADVICE.emergency}`;
