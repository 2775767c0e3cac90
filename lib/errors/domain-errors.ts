// Errors the domain raises when a request cannot be carried out, in words a person can act on.
// lib/http/api-error.ts maps each kind to an HTTP status in one table; Server Actions show the
// message. Anything else thrown is a bug and reaches nobody but the server log.

export type DomainErrorKind =
  "not_found" | "slot_taken" | "intake_blocked" | "invalid_transition" | "unprocessable" | "payments_unavailable";

export class DomainError extends Error {
  override name = "DomainError";
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    readonly fields?: Record<string, string[]>,
  ) {
    super(message);
  }
}

/** The record does not exist, or the person asking may not know that it does. */
export class NotFound extends DomainError {
  override name = "NotFound";
  constructor(message = "Not found.") {
    super("not_found", message);
  }
}

/** Someone else holds or booked that time (the exclusion constraint said no). */
export class SlotTaken extends DomainError {
  override name = "SlotTaken";
  constructor(message = "That time was just taken. Please choose another time.") {
    super("slot_taken", message);
  }
}

/** The health screening found a red flag: no hold and no payment, see a doctor instead. */
export class IntakeBlocked extends DomainError {
  override name = "IntakeBlocked";
  constructor(
    readonly urgency: "emergency" | "same_day" | "clearance",
    message = URGENT_CARE_MESSAGE[urgency],
  ) {
    super("intake_blocked", message);
  }
}

const URGENT_CARE_MESSAGE = {
  emergency:
    "Chest pain, sudden breathlessness or coughing up blood need emergency care now: call 911. We can't take this booking online.",
  same_day:
    "Sudden or one-sided calf pain, swelling, warmth or redness needs a doctor today (urgent care or an emergency room if your doctor can't see you). Please don't book a massage until a doctor has checked your leg.",
  clearance:
    "Recent surgery or immobility, a past blood clot or blood thinners mean we need your doctor's go-ahead first. Please call the clinic once you have it and we'll book you by phone.",
} as const;

/** The booking is no longer in a state that allows this (another person or tab acted first). */
export class InvalidTransition extends DomainError {
  override name = "InvalidTransition";
  constructor(message = "This appointment has changed in the meantime. Reload to see where it stands.") {
    super("invalid_transition", message);
  }
}

/** The request is well formed but breaks a rule (a start off the grid, a refund above what was paid). */
export class Unprocessable extends DomainError {
  override name = "Unprocessable";
  constructor(message: string, fields?: Record<string, string[]>) {
    super("unprocessable", message, fields);
  }
}

/** The payment provider could not be reached; nothing was charged and the hold was released. */
export class PaymentsUnavailable extends DomainError {
  override name = "PaymentsUnavailable";
  constructor(message = "We couldn't reach our payment provider. Nothing was charged; please try again in a minute.") {
    super("payments_unavailable", message);
  }
}
