// What a Server Action form gets back: field messages, a form-level message, and the values typed
// (never the password), so nothing is lost on a bad submission.
export interface FormState<Values extends Record<string, string>> {
  ok: boolean;
  fieldErrors?: Partial<Record<keyof Values | "password", string[]>>;
  formError?: string;
  values?: Partial<Values>;
}
