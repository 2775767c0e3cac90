// What the Security page's Server Actions hand back: a message or a refusal, and once enrolment is
// confirmed, the recovery codes to show this one time.
import type { StaffFormState } from "./staff-form-state";

export interface TwoFactorFormState extends StaffFormState {
  recoveryCodes?: string[];
}

export type TwoFactorFormAction = (previous: TwoFactorFormState, formData: FormData) => Promise<TwoFactorFormState>;
