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

/** The health screening stopped the online booking: no hold and no payment; the message says where to go. */
export class IntakeBlocked extends DomainError {
  override name = "IntakeBlocked";
  constructor(
    readonly urgency: "emergency" | "same_day" | "clearance" | "reschedule",
    message: string,
  ) {
    super("intake_blocked", message);
  }
}

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
