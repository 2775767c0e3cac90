// What the phone-booking Server Actions hand back to their forms: field and form messages with the
// values typed (nothing is lost on a bad input), a red-flag stop, or the booking made.
import type { StopOutcome } from "@/lib/clinical/questionnaire";

export interface PhoneClientFormState {
  ok: boolean;
  formError?: string;
  fieldErrors?: Partial<Record<"name" | "email" | "phone", string[]>>;
  values?: { name?: string; email?: string; phone?: string };
}

export type PhoneBookingState =
  | { status: "idle" }
  | { status: "error"; formError: string; fieldErrors?: Record<string, string[]> }
  | { status: "blocked"; outcome: StopOutcome; message: string }
  | {
      status: "booked";
      payment: "link" | "desk";
      bookingId: string;
      when: string;
      clientEmail: string;
      checkoutUrl?: string;
      payBy?: string;
    };

export type PhoneClientAction = (previous: PhoneClientFormState, formData: FormData) => Promise<PhoneClientFormState>;
export type PhoneBookingAction = (previous: PhoneBookingState, formData: FormData) => Promise<PhoneBookingState>;
