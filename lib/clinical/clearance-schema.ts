// A doctor's clearance as staff record it: for which screening question, who cleared the client,
// on which day, and until when (6 months unless the doctor said otherwise, never more than 12).
// Pure: the staff form, its Server Action and lib/clinical/clearance.ts share it.
import { z } from "zod";
import { recordId } from "@/lib/forms/record-id";
import { plainText } from "@/lib/forms/text";
import { parseIsoDate } from "@/lib/time/clinic-time";

// The questions whose "yes" needs a doctor's go-ahead (clinical rules, questionnaire version 2).
// Until the questionnaire module lists its clearance questions itself, they are named here by id.
export const CLEARANCE_QUESTIONS = [
  { id: "walkingPain", label: "Calf pain on walking that eases with rest" },
  { id: "clotRecent", label: "A blood clot in the last 6 months, or still being treated" },
  { id: "recentSurgeryOrImmobility", label: "Surgery, a hospital stay, a cast or bed rest in the last 12 weeks" },
  { id: "recentVeinProcedure", label: "A vein procedure in the last 12 weeks" },
  { id: "gaveBirthRecently", label: "Gave birth in the last 12 weeks" },
  { id: "cancer", label: "Active cancer, or cancer treatment in the last 6 months" },
  { id: "heartKidneyLiver", label: "Heart failure, or kidney or liver disease" },
] as const;

export type ClearanceQuestionId = (typeof CLEARANCE_QUESTIONS)[number]["id"];
export const CLEARANCE_QUESTION_IDS = CLEARANCE_QUESTIONS.map((question) => question.id) as [
  ClearanceQuestionId,
  ...ClearanceQuestionId[],
];

export function clearanceQuestionLabel(id: string): string {
  return CLEARANCE_QUESTIONS.find((question) => question.id === id)?.label ?? id;
}

export const DEFAULT_CLEARANCE_MONTHS = 6;
export const MAX_CLEARANCE_MONTHS = 12;

/** The same day `months` later (the last day of a shorter month: 31 Aug + 6 months = 28/29 Feb). */
export function addMonths(isoDate: string, months: number): string {
  const parts = parseIsoDate(isoDate);
  if (!parts) throw new Error(`not a date: ${isoDate}`);
  const index = parts.year * 12 + (parts.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(parts.day, lastDay);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const isoDate = z
  .string()
  .trim()
  .refine((value) => /^\d{4}-\d{2}-\d{2}$/.test(value) && parseIsoDate(value) !== null, "Give a date.");

/** The form's fields; `today` is the clinic's date, for "not in the future" and "not lapsed". */
export function clearanceInputSchema(today: string) {
  return z
    .object({
      clientId: recordId(),
      questionId: z.enum(CLEARANCE_QUESTION_IDS, { error: "Choose what the doctor cleared." }),
      clearedBy: plainText({ max: 200 }).pipe(z.string().min(2, "Name the doctor or clinic who gave the go-ahead.")),
      clearedOn: isoDate.refine((value) => value <= today, "The go-ahead can't be dated in the future."),
      // Empty: 6 months after the go-ahead.
      validUntil: z.union([z.literal(""), isoDate]).optional(),
      note: plainText({ max: 1000, multiline: true }).optional(),
    })
    .transform((input, context) => {
      const validUntil = input.validUntil ? input.validUntil : addMonths(input.clearedOn, DEFAULT_CLEARANCE_MONTHS);
      if (validUntil > addMonths(input.clearedOn, MAX_CLEARANCE_MONTHS)) {
        context.addIssue({
          code: "custom",
          path: ["validUntil"],
          message: `A clearance lasts at most ${MAX_CLEARANCE_MONTHS} months from the go-ahead.`,
        });
        return z.NEVER;
      }
      if (validUntil < today || validUntil < input.clearedOn) {
        context.addIssue({
          code: "custom",
          path: ["validUntil"],
          message: "This clearance would already have lapsed. Ask the client for a newer go-ahead.",
        });
        return z.NEVER;
      }
      return { ...input, validUntil, note: input.note ? input.note : null };
    });
}

export type ClearanceInput = z.output<ReturnType<typeof clearanceInputSchema>>;
