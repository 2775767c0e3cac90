// The health answers of a phone booking, read from the staff form: the same questionnaire and the
// same schema as the API and the booking page (every question, and each follow-up after a yes), with
// field errors keyed by question id as the form marks them.
import { z } from "zod";
import { intakeSchema, type IntakeAnswers } from "@/lib/booking/intake";
import { allQuestions, CURRENT_QUESTIONNAIRE_VERSION } from "@/lib/clinical/questionnaire";
import { field } from "@/lib/forms/action-state";

const answer = z.enum(["yes", "no"]).transform((value) => value === "yes");

const optionalText = (formData: FormData, name: string) => field(formData, name)?.trim() || undefined;

export function readPhoneIntake(
  formData: FormData,
): { success: true; data: IntakeAnswers } | { success: false; fieldErrors: Record<string, string[]> } {
  const answers: Record<string, boolean> = {};
  for (const question of allQuestions()) {
    const parsed = answer.safeParse(field(formData, question.id));
    if (parsed.success) answers[question.id] = parsed.data;
  }
  const medications = optionalText(formData, "medications");
  const notes = optionalText(formData, "notes");
  const parsed = intakeSchema.safeParse({
    version: CURRENT_QUESTIONNAIRE_VERSION,
    answers,
    ...(medications ? { medications } : {}),
    ...(notes ? { notes } : {}),
  });
  if (parsed.success) return { success: true, data: parsed.data };
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues) {
    const key =
      issue.path[0] === "answers" && issue.path[1] !== undefined ? String(issue.path[1]) : String(issue.path[0]);
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { success: false, fieldErrors };
}
