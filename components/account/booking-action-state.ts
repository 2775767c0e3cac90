// What the account page's Server Actions (cancel, reschedule) hand back to their forms. Success
// redirects, so only a refusal comes back here.
export interface BookingActionState {
  ok: false;
  formError?: string;
}

export type BookingAction = (previous: BookingActionState, formData: FormData) => Promise<BookingActionState>;
