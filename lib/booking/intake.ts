// The health answers a booking carries: `{ version, answers: { <questionId>: boolean }, medications?,
// notes? }`, checked against the questionnaire (lib/clinical/questionnaire.ts) by one schema that the
// API, the booking page's action and the staff phone booking share. Stored answers keep their
// version, so a booking answered with the first edition (its flat shape) stays readable.
import { z } from "zod";
import {
  allNoAnswers,
  allQuestions,
  answerErrors,
  CURRENT_QUESTIONNAIRE,
  CURRENT_QUESTIONNAIRE_VERSION,
  keptAnswers,
  QUESTIONNAIRE_V1,
  QUESTIONNAIRES,
  screen,
  type Questionnaire,
  type Screening,
} from "@/lib/clinical/questionnaire";
import { plainText } from "@/lib/forms/text";

export const QUESTIONS_CHANGED_MESSAGE = "The questions have changed, please answer them again.";

const notesFields = {
  medications: plainText({ max: 500, multiline: true }).optional(),
  notes: plainText({ max: 1000, multiline: true }).optional(),
};

/**
 * A submitted intake. The version is checked separately (an older one is a 422, see
 * `isCurrentIntake`); the answers of the current version must be complete and known.
 */
export const intakeSchema = z
  .object({
    version: z.number({ error: "Give the questionnaire version as a number." }).int().positive(),
    answers: z.record(z.string().max(64), z.unknown(), { error: "Give the answers as an object of yes/no values." }),
    ...notesFields,
  })
  .strict()
  .superRefine((intake, context) => {
    if (intake.version > CURRENT_QUESTIONNAIRE_VERSION) {
      context.addIssue({ code: "custom", path: ["version"], message: "There is no such questionnaire version." });
      return;
    }
    if (intake.version < CURRENT_QUESTIONNAIRE_VERSION) return; // answered again: see isCurrentIntake
    for (const [id, message] of Object.entries(answerErrors(intake.answers))) {
      context.addIssue({ code: "custom", path: ["answers", id], message });
    }
  })
  .transform((intake) => ({
    ...intake,
    answers:
      intake.version === CURRENT_QUESTIONNAIRE_VERSION
        ? keptAnswers(intake.answers as Record<string, boolean>)
        : (intake.answers as Record<string, boolean>),
  }));

export type IntakeAnswers = z.infer<typeof intakeSchema>;

export const isCurrentIntake = (intake: { version: number }) => intake.version === CURRENT_QUESTIONNAIRE_VERSION;

/** Every question answered "no" in the current version: what tests, the bench and demo data send. */
export function allNoIntake(extra: Partial<Omit<IntakeAnswers, "version" | "answers">> = {}): IntakeAnswers {
  return { version: CURRENT_QUESTIONNAIRE_VERSION, answers: allNoAnswers(), ...extra };
}

/** A stored intake, whichever version answered it. */
export interface StoredIntake {
  version: number;
  answers: Record<string, boolean>;
  medications?: string;
  notes?: string;
}

const storedV2Schema = z.object({
  version: z.number().int().positive(),
  answers: z.record(z.string(), z.boolean()),
  medications: z.string().optional(),
  notes: z.string().optional(),
});

const storedV1Schema = z.object({
  ...Object.fromEntries(QUESTIONNAIRE_V1.questions.map((question) => [question.id, z.boolean()])),
  medications: z.string().optional(),
  notes: z.string().optional(),
});

/** Reads a booking's stored answers: the versioned shape, or the first edition's flat one. */
export function readStoredIntake(value: unknown): StoredIntake | null {
  const versioned = storedV2Schema.safeParse(value);
  if (versioned.success && QUESTIONNAIRES[versioned.data.version]) return versioned.data;
  const flat = storedV1Schema.safeParse(value);
  if (!flat.success) return null;
  const data = flat.data as Record<string, unknown>;
  return {
    version: 1,
    answers: Object.fromEntries(
      QUESTIONNAIRE_V1.questions.map((question) => [question.id, data[question.id] === true]),
    ),
    ...(typeof data.medications === "string" ? { medications: data.medications } : {}),
    ...(typeof data.notes === "string" ? { notes: data.notes } : {}),
  };
}

export function questionnaireOf(intake: { version: number }): Questionnaire {
  return QUESTIONNAIRES[intake.version] ?? CURRENT_QUESTIONNAIRE;
}

/** The questions as they were asked with this intake's version, each with its answer. */
export function askedQuestions(
  intake: StoredIntake,
): { id: string; text: string; answer: boolean; followUp: boolean }[] {
  const questionnaire = questionnaireOf(intake);
  const followUps = new Set(questionnaire.questions.flatMap((q) => (q.followUps ?? []).map((f) => f.id)));
  return allQuestions(questionnaire)
    .filter((question) => intake.answers[question.id] !== undefined)
    .map((question) => ({
      id: question.id,
      text: question.text,
      answer: intake.answers[question.id] === true,
      followUp: followUps.has(question.id),
    }));
}

/** The screening of a stored intake, with its own version's rules. */
export function screenStoredIntake(intake: StoredIntake, serviceSlug?: string): Screening {
  return screen(intake.answers, { serviceSlug, questionnaire: questionnaireOf(intake) });
}

export interface AnswerChange {
  id: string;
  text: string;
  before: boolean | undefined;
  after: boolean;
}

/**
 * What changed since an earlier intake: each question of the later one whose answer differs, or
 * that the earlier one did not ask. Questions are matched by id (ids are kept across versions
 * where the meaning is unchanged).
 */
export function changesSince(earlier: StoredIntake, later: StoredIntake): AnswerChange[] {
  return askedQuestions(later)
    .filter((question) => (earlier.answers[question.id] ?? false) !== question.answer)
    .map((question) => ({
      id: question.id,
      text: question.text,
      before: earlier.answers[question.id],
      after: question.answer,
    }));
}
