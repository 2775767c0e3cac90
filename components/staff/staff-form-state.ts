// What the appointment page's cancel and reschedule Server Actions hand back to their forms: a
// success message, or a refusal in words (for the form, or for one field).
export interface StaffFormState {
  ok: boolean;
  message?: string;
  formError?: string;
  fieldErrors?: Record<string, string[]>;
}

export type StaffFormAction = (previous: StaffFormState, formData: FormData) => Promise<StaffFormState>;
