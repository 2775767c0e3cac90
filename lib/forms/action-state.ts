// What a Server Action hands back to its form: one shape for every action, as lib/http/api-error.ts
// is one shape for the JSON API. A form that needs more (the visits a change would strand, recovery
// codes, a colleague's newer note) adds fields to ActionState; it never writes the base again.
import type { StopOutcome } from "@/lib/clinical/questionnaire";
import { DomainError } from "@/lib/errors/domain-errors";
import type { NoteSnapshot } from "@/lib/clinical/treatment-note-schema";
import type { StrandedBookingLine } from "@/lib/booking/upcoming-bookings";

export interface ActionState {
  ok: boolean;
  /** What happened, after a success that stays on the page. */
  message?: string;
  /** A refusal in words, for the whole form. */
  formError?: string;
  /** Refusals for single inputs, by input name. */
  fieldErrors?: Record<string, string[]>;
}

export type FormAction<State = ActionState> = (previous: State, formData: FormData) => Promise<State>;

/**
 * The form state a domain error stands for: its message for the form, and its fields' messages
 * when it has any. Anything else is a bug and is rethrown (the error page, the server log).
 */
export function toActionState(error: unknown): ActionState & { ok: false } {
  if (error instanceof DomainError) {
    return { ok: false, formError: error.message, ...(error.fields ? { fieldErrors: error.fields } : {}) };
  }
  throw error;
}

/** A text input's value as submitted, or undefined when the form did not send it (or sent a file). */
export function field(formData: FormData, name: string): string | undefined {
  const value = formData.get(name);
  return typeof value === "string" ? value : undefined;
}

/** The same, only when it holds more than spaces: an input left blank reads as not sent. */
export function filledField(formData: FormData, name: string): string | undefined {
  const value = field(formData, name);
  return value !== undefined && value.trim() !== "" ? value : undefined;
}

// The forms that carry more than the base shape.

/** Services and hours admin: the booked visits the change would strand. */
export interface AdminFormState extends ActionState {
  stranded?: StrandedBookingLine[];
}

/** The team page: the outcome's member, the appointments that block turning a therapist off, what was typed. */
export interface TeamFormState extends ActionState {
  /** Times already written in the clinic's zone. */
  appointments?: { id: string; when: string; serviceName: string; clientName: string }[];
  /** Which member the outcome is about. */
  userId?: string;
  /** What was typed, given back after a refusal so nothing is lost. */
  values?: Record<string, string>;
}

/** The Security page: once enrolment is confirmed, the recovery codes to show this one time. */
export interface TwoFactorFormState extends ActionState {
  recoveryCodes?: string[];
}

/** A treatment note: the version stored after a save, or someone else's newer version (nothing saved). */
export interface TreatmentNoteFormState extends ActionState {
  savedVersion?: number;
  conflict?: NoteSnapshot;
}

/** Account deletion: success signs out and redirects, so only a refusal comes back. */
export interface DeleteAccountState extends ActionState {
  ok: false;
  fieldErrors?: { password?: string[]; confirmation?: string[] };
}

/** The booking page's Pay step: success goes to checkout, so only a refusal comes back, with its kind. */
export interface PayBookingState extends ActionState {
  ok: false;
  code?: "invalid" | "not_found" | "intake_blocked" | "consent" | "unprocessable" | "unavailable" | "error";
  fieldErrors?: { signedName?: string[] };
}

/** The phone booking's client step: the values typed come back, so nothing is lost on a bad input. */
export interface PhoneClientFormState extends ActionState {
  fieldErrors?: Partial<Record<"name" | "email" | "phone", string[]>>;
  values?: { name?: string; email?: string; phone?: string };
}

/** The phone booking's last step: a refusal, a red-flag stop, or the booking made. */
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
