// What the team page's Server Actions hand back to their forms: a success message, or a refusal in
// words (for the form or for one field), and when turning a therapist off is refused because of
// appointments still to come, those appointments (times already written in the clinic's zone).
import type { StaffFormState } from "./staff-form-state";

export interface TeamFormState extends StaffFormState {
  appointments?: { id: string; when: string; serviceName: string; clientName: string }[];
  /** Which member the outcome is about. */
  userId?: string;
  /** What was typed, given back after a refusal so nothing is lost. */
  values?: Record<string, string>;
}

export type TeamFormAction = (previous: TeamFormState, formData: FormData) => Promise<TeamFormState>;
