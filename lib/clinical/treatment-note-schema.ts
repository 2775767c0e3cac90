// What a treatment note holds, as the form sends it and the domain stores it: the four SOAP fields,
// a left and right calf record (tension, swelling, tenderness, each a whole number 0–10, or a side
// left blank when it was not assessed), and for an amendment the version the editor started from.
// Pure: the form, the Server Action and lib/clinical/treatment-notes.ts share it.
import { z } from "zod";
import { readComputedFields, UNREADABLE_FORM_MESSAGE } from "@/lib/forms/computed-fields";
import { plainText } from "@/lib/forms/text";

export const CALF_SIDES = ["LEFT", "RIGHT"] as const;
export type CalfSideName = (typeof CALF_SIDES)[number];

export const CALF_MEASURES = ["tension", "swelling", "tenderness"] as const;
export type CalfMeasure = (typeof CALF_MEASURES)[number];

export const CALF_SIDE_LABELS: Record<CalfSideName, string> = { LEFT: "Left calf", RIGHT: "Right calf" };
export const CALF_MEASURE_LABELS: Record<CalfMeasure, string> = {
  tension: "Tension",
  swelling: "Swelling",
  tenderness: "Tenderness",
};

export const SOAP_FIELDS = ["subjective", "objective", "assessment", "plan"] as const;
export type SoapField = (typeof SOAP_FIELDS)[number];

export const SOAP_LABELS: Record<SoapField, { label: string; hint: string }> = {
  subjective: { label: "Subjective", hint: "What the client tells you: how their legs feel, since when, what helps." },
  objective: { label: "Objective", hint: "What you observe and measure: skin, swelling, range of movement." },
  assessment: { label: "Assessment", hint: "Your reading of it, within massage scope (no diagnosis)." },
  plan: { label: "Plan", hint: "Treatment given, aftercare advice, next visit, any referral." },
};

export const SOAP_MAX_LENGTH = 5000;
export const AMEND_REASON_MAX_LENGTH = 500;

export type CalfScores = Record<CalfMeasure, number>;
export type CalfRecords = Record<CalfSideName, CalfScores | null>;

// Digits only: Number() would also read "1e1", "0x0A", "+5" or "5.0" as a whole number.
const score = z
  .string()
  .regex(/^\d{1,2}$/, "Enter a whole number from 0 to 10.")
  .refine((digits) => Number(digits) <= 10, "Enter a whole number from 0 to 10.");

const soapText = plainText({ max: SOAP_MAX_LENGTH, multiline: true });

/** The key of one calf score in the form and in field errors: "calf.LEFT.tension". */
export const calfFieldName = (side: CalfSideName, measure: CalfMeasure) => `calf.${side}.${measure}`;

/** Every calf score's name, as the form renders them. */
export const CALF_FIELD_NAMES: readonly string[] = CALF_SIDES.flatMap((side) =>
  CALF_MEASURES.map((measure) => calfFieldName(side, measure)),
);

export type CalfForm =
  | { ok: true; calf: Record<CalfSideName, Record<CalfMeasure, string>> }
  | { ok: false; formError?: string; fieldErrors: Record<string, string[]> };

/**
 * The calf scores of a submitted note form, as raw text per side and measure ("" when not sent),
 * or why not: a name under "calf." that the form never renders refuses the form whole; a score
 * sent twice or as a file gets a message under its input.
 */
export function readCalfForm(fields: Iterable<[string, unknown]>): CalfForm {
  const read = readComputedFields(fields, {
    namespaces: ["calf"],
    renders: (name) => CALF_FIELD_NAMES.includes(name),
  });
  if (read.unknownNames.length > 0) return { ok: false, formError: UNREADABLE_FORM_MESSAGE, fieldErrors: {} };
  if (Object.keys(read.fieldErrors).length > 0) return { ok: false, fieldErrors: read.fieldErrors };
  const sideOf = (side: CalfSideName) =>
    Object.fromEntries(
      CALF_MEASURES.map((measure) => [measure, read.values.get(calfFieldName(side, measure)) ?? ""]),
    ) as Record<CalfMeasure, string>;
  return { ok: true, calf: { LEFT: sideOf("LEFT"), RIGHT: sideOf("RIGHT") } };
}

export const treatmentNoteInputSchema = z
  .object({
    subjective: soapText,
    objective: soapText,
    assessment: soapText,
    plan: soapText,
    /** Raw text per score; "" means not recorded. */
    calf: z.partialRecord(z.enum(CALF_SIDES), z.partialRecord(z.enum(CALF_MEASURES), z.string().trim())),
    /** 0 for a new note, else the version the editor opened. */
    baseVersion: z.coerce.number().int().min(0),
    reason: plainText({ max: AMEND_REASON_MAX_LENGTH, multiline: true }).optional(),
  })
  .superRefine((input, context) => {
    if (
      SOAP_FIELDS.every((field) => input[field] === "") &&
      CALF_SIDES.every((side) => sideIsBlank(input.calf, side))
    ) {
      context.addIssue({ code: "custom", path: ["subjective"], message: "Write at least one part of the note." });
    }
    for (const side of CALF_SIDES) {
      if (sideIsBlank(input.calf, side)) continue;
      for (const measure of CALF_MEASURES) {
        const raw = input.calf[side]?.[measure] ?? "";
        const path = [calfFieldName(side, measure)];
        if (raw === "") {
          context.addIssue({
            code: "custom",
            path,
            message: `Score all three for the ${CALF_SIDE_LABELS[side].toLowerCase()}, or leave all three blank.`,
          });
          continue;
        }
        const parsed = score.safeParse(raw);
        if (!parsed.success) context.addIssue({ code: "custom", path, message: "Enter a whole number from 0 to 10." });
      }
    }
  })
  .transform((input) => ({
    soap: {
      subjective: input.subjective,
      objective: input.objective,
      assessment: input.assessment,
      plan: input.plan,
    },
    calf: Object.fromEntries(
      CALF_SIDES.map((side) => [
        side,
        sideIsBlank(input.calf, side)
          ? null
          : (Object.fromEntries(
              CALF_MEASURES.map((measure) => [measure, Number(input.calf[side]?.[measure])]),
            ) as CalfScores),
      ]),
    ) as CalfRecords,
    baseVersion: input.baseVersion,
    reason: input.reason || undefined,
  }));

export type TreatmentNoteInput = z.output<typeof treatmentNoteInputSchema>;
export type TreatmentNoteRawInput = z.input<typeof treatmentNoteInputSchema>;

function sideIsBlank(calf: Partial<Record<CalfSideName, Partial<Record<CalfMeasure, string>>>>, side: CalfSideName) {
  return CALF_MEASURES.every((measure) => (calf[side]?.[measure] ?? "") === "");
}

/** The field errors of a refused note, keyed as the form names its inputs. */
export function noteFieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    const list = (fields[key] ??= []);
    if (!list.includes(issue.message)) list.push(issue.message);
  }
  return fields;
}

/** "tension 6, swelling 3, tenderness 2", or "not assessed". */
export function calfInWords(scores: CalfScores | null): string {
  if (!scores) return "not assessed";
  return CALF_MEASURES.map((measure) => `${CALF_MEASURE_LABELS[measure].toLowerCase()} ${scores[measure]}`).join(", ");
}

/** A note as the form shows it: the saved version and its text and scores. */
export interface NoteSnapshot {
  version: number;
  soap: Record<SoapField, string>;
  calf: CalfRecords;
  /** "Jordan Avery, Mon, Nov 23, 2:15 PM EST". */
  savedBy: string;
}
