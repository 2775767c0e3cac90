// The health screening asked before any hold or payment, and the one rule that reads it. The page
// and the API both call screenIntake: a red flag ends the online booking (nothing is held, nothing
// is charged) and says where to get care; a caution lets the booking go on and tells the client
// what the therapist will check. It screens; it never diagnoses.
import { z } from "zod";
import { plainText } from "@/lib/forms/text";

export const RED_FLAG_QUESTIONS = {
  chestPainOrBreathlessness: "Do you have chest pain, sudden shortness of breath, or have you coughed up blood?",
  suddenPainOrSwelling: "Do you have sudden or one-sided pain, swelling or tenderness in a calf or leg?",
  warmthOrRedness: "Is the skin of either calf warm, red or darker than the other leg?",
  recentSurgeryOrImmobility:
    "In the last 12 weeks, have you had surgery, a hospital stay, a cast, or days of bed rest or very limited movement?",
  clotHistoryOrBloodThinners: "Have you ever had a blood clot, or do you take a blood thinner (anticoagulant)?",
} as const;

export const HISTORY_QUESTIONS = {
  pregnant: "Are you pregnant, or did you give birth in the last 6 weeks?",
  varicoseVeins: "Do you have varicose veins?",
  recentInjury: "Have you injured a calf, ankle or Achilles in the last 6 weeks?",
  skinCondition: "Do you have a rash, wound, infection or other skin condition on your lower legs?",
} as const;

export type RedFlag = keyof typeof RED_FLAG_QUESTIONS;
export type HistoryItem = keyof typeof HISTORY_QUESTIONS;

const answer = (question: string) => z.boolean({ error: `Answer yes or no: ${question}` });

export const intakeSchema = z.object({
  chestPainOrBreathlessness: answer(RED_FLAG_QUESTIONS.chestPainOrBreathlessness),
  suddenPainOrSwelling: answer(RED_FLAG_QUESTIONS.suddenPainOrSwelling),
  warmthOrRedness: answer(RED_FLAG_QUESTIONS.warmthOrRedness),
  recentSurgeryOrImmobility: answer(RED_FLAG_QUESTIONS.recentSurgeryOrImmobility),
  clotHistoryOrBloodThinners: answer(RED_FLAG_QUESTIONS.clotHistoryOrBloodThinners),
  pregnant: answer(HISTORY_QUESTIONS.pregnant),
  varicoseVeins: answer(HISTORY_QUESTIONS.varicoseVeins),
  recentInjury: answer(HISTORY_QUESTIONS.recentInjury),
  skinCondition: answer(HISTORY_QUESTIONS.skinCondition),
  medications: plainText({ max: 500, multiline: true }).optional(),
  notes: plainText({ max: 1000, multiline: true }).optional(),
});
export type IntakeAnswers = z.infer<typeof intakeSchema>;

/** Every question answered "no": the screening's starting point, and what tests and the bench send. */
export const ALL_NO_ANSWERS: IntakeAnswers = {
  chestPainOrBreathlessness: false,
  suddenPainOrSwelling: false,
  warmthOrRedness: false,
  recentSurgeryOrImmobility: false,
  clotHistoryOrBloodThinners: false,
  pregnant: false,
  varicoseVeins: false,
  recentInjury: false,
  skinCondition: false,
};

/**
 * How soon care is needed, most urgent first: `emergency` is 911 now; `same_day` is a doctor today
 * (urgent care or an emergency room if none can see you); `clearance` is a doctor's go-ahead first.
 */
export type Urgency = "emergency" | "same_day" | "clearance";

const URGENCY_OF: Record<RedFlag, Urgency> = {
  chestPainOrBreathlessness: "emergency",
  suddenPainOrSwelling: "same_day",
  warmthOrRedness: "same_day",
  recentSurgeryOrImmobility: "clearance",
  clotHistoryOrBloodThinners: "clearance",
};
const URGENCY_ORDER: Urgency[] = ["emergency", "same_day", "clearance"];

export const CAUTION_NOTES: Record<HistoryItem, string> = {
  pregnant:
    "Please bring or confirm your midwife's or doctor's go-ahead. Your therapist will position you on your side and keep the pressure light.",
  varicoseVeins:
    "Your therapist will look at your legs first and will not press on varicose veins. A vein that is hard, painful, red or warm needs a doctor before any massage.",
  recentInjury:
    "Your therapist will ask about the injury and avoid the injured area. A suspected tear or a 'pop' in the calf or Achilles needs to be checked by a clinician first.",
  skinCondition:
    "Your therapist will check the skin before starting and work around any rash, wound or infection, or reschedule if the area can't be avoided.",
};

export type ScreeningResult =
  | { outcome: "blocked"; urgency: Urgency; redFlags: RedFlag[] }
  | { outcome: "proceed"; cautions: { item: HistoryItem; note: string }[] };

export function screenIntake(answers: IntakeAnswers): ScreeningResult {
  const redFlags = (Object.keys(RED_FLAG_QUESTIONS) as RedFlag[]).filter((flag) => answers[flag]);
  if (redFlags.length > 0) {
    const urgency = URGENCY_ORDER.find((level) => redFlags.some((flag) => URGENCY_OF[flag] === level)) ?? "clearance";
    return { outcome: "blocked", urgency, redFlags };
  }
  const cautions = (Object.keys(HISTORY_QUESTIONS) as HistoryItem[])
    .filter((item) => answers[item])
    .map((item) => ({ item, note: CAUTION_NOTES[item] }));
  return { outcome: "proceed", cautions };
}
