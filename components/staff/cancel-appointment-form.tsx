"use client";

// Cancelling on the client's behalf, in two steps: first what the policy would refund, then the
// choice (the policy's refund or an amount staff type, from 0 to what is left to refund), an
// optional reason and a button that states the amount. The server decides the refund once; its
// outcome stays shown here after the page shows the cancelled booking.
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { ActionState, FormAction } from "@/lib/forms/action-state";

export interface CancelRefundChoice {
  /** The policy's refund, in words ("$95.00"), and why ("full refund until Mon, Jun 2, 10:00 AM"). */
  policy: string;
  policyNote: string;
  /** What is left to refund, in words; a typed amount may be anything from nothing up to this. */
  refundable: string;
  currencySymbol: string;
}

export function CancelAppointmentForm({
  bookingId,
  cancellable,
  refund,
  action,
}: {
  bookingId: string;
  cancellable: boolean;
  refund: CancelRefundChoice;
  action: FormAction<ActionState>;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { ok: false });
  const [confirming, setConfirming] = useState(false);
  const [choice, setChoice] = useState<"policy" | "amount">("policy");
  const [amount, setAmount] = useState("");
  // Controlled, so a refused submission (a form action resets uncontrolled fields) keeps what was typed.
  const [reason, setReason] = useState("");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const reasonId = useId();
  const amountErrors = state.fieldErrors?.amount;

  useEffect(() => {
    if (state.formError) errorRef.current?.focus();
  }, [state]);
  useEffect(() => {
    if (confirming) headingRef.current?.focus();
  }, [confirming]);

  if (state.ok && state.message) return <Alert title="Appointment cancelled">{state.message}</Alert>;
  if (!cancellable) return <p className="text-muted">This appointment can no longer be cancelled.</p>;

  if (!confirming) {
    return (
      <div>
        <p>
          Under the policy, cancelling now refunds <strong>{refund.policy}</strong> ({refund.policyNote}). You can
          choose another amount before confirming.
        </p>
        <Button variant="secondary" className="mt-3 min-h-12" onClick={() => setConfirming(true)}>
          Cancel appointment…
        </Button>
      </div>
    );
  }

  const typed = amount.trim();
  const submitLabel =
    choice === "policy"
      ? `Cancel and refund ${refund.policy}`
      : typed
        ? `Cancel and refund ${refund.currencySymbol}${typed}`
        : "Cancel and refund the amount above";

  return (
    <form action={formAction} className="flex flex-col gap-4">
      <h4 ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        Cancel this appointment?
      </h4>
      <input type="hidden" name="bookingId" value={bookingId} />
      <fieldset className="flex flex-col gap-2">
        <legend className="font-semibold">Refund</legend>
        <label className="flex min-h-11 items-start gap-3">
          <input
            type="radio"
            name="refund"
            value="policy"
            checked={choice === "policy"}
            onChange={() => setChoice("policy")}
            className="mt-1 size-5"
          />
          <span>
            The policy&apos;s refund: <strong>{refund.policy}</strong> ({refund.policyNote})
          </span>
        </label>
        <label className="flex min-h-11 items-start gap-3">
          <input
            type="radio"
            name="refund"
            value="amount"
            checked={choice === "amount"}
            onChange={() => setChoice("amount")}
            className="mt-1 size-5"
          />
          <span>Another amount, up to {refund.refundable}</span>
        </label>
      </fieldset>
      {choice === "amount" ? (
        <Field
          label={`Amount to refund (${refund.currencySymbol})`}
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          required
          value={amount}
          onChange={(event) => setAmount(event.target.value)}
          hint={`From 0 up to ${refund.refundable}, for example 40 or 40.00.`}
          errors={amountErrors}
        />
      ) : null}
      <div>
        <label htmlFor={reasonId} className="font-semibold">
          Reason (optional)
        </label>
        <textarea
          id={reasonId}
          name="reason"
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={500}
          rows={2}
          className="mt-1 block w-full rounded-xl border border-teal-600/40 bg-white px-3 py-2"
        />
      </div>
      {state.formError ? (
        <Alert tone="error" title="Not cancelled" ref={errorRef} tabIndex={-1}>
          {state.formError}
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending} className="min-h-12">
          {pending ? "Cancelling…" : submitLabel}
        </Button>
        <Button
          type="button"
          variant="secondary"
          className="min-h-12"
          onClick={() => setConfirming(false)}
          disabled={pending}
        >
          Keep the appointment
        </Button>
      </div>
    </form>
  );
}
