"use client";

// Cancelling from the account page, in two steps: first the client sees what they will get back
// (and can say they have new calf symptoms, which waives the fee and shows where to get care), then
// they confirm. The amount they confirm is sent along, so the server refuses if it has changed.
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { RedFlagBox } from "@/components/learn/red-flag-box";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/forms/action-state";

export interface CancelRefundPreview {
  /** The refund without new calf symptoms, in cents and in words ("$95.00"). */
  standardCents: number;
  standard: string;
  /** The refund with new calf symptoms (the fee waived). */
  waivedCents: number;
  waived: string;
}

export function CancelBookingForm({
  bookingId,
  refund,
  policyNote,
  action,
}: {
  bookingId: string;
  refund: CancelRefundPreview;
  policyNote: string;
  action: FormAction<ActionState>;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { ok: false });
  const [confirming, setConfirming] = useState(false);
  const [symptoms, setSymptoms] = useState(false);
  const errorRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const reasonId = useId();
  const refundCents = symptoms ? refund.waivedCents : refund.standardCents;
  const refundText = symptoms ? refund.waived : refund.standard;

  useEffect(() => {
    if (state.formError) errorRef.current?.focus();
  }, [state]);
  useEffect(() => {
    if (confirming) headingRef.current?.focus();
  }, [confirming]);

  if (!confirming) {
    return (
      <div>
        <p>{policyNote}</p>
        <Button variant="secondary" className="mt-3" onClick={() => setConfirming(true)}>
          Cancel this appointment…
        </Button>
      </div>
    );
  }

  return (
    <form action={formAction} className="flex flex-col gap-4">
      <h3 ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        Cancel this appointment?
      </h3>
      <input type="hidden" name="bookingId" value={bookingId} />
      <input type="hidden" name="expectedRefundCents" value={refundCents} />
      <label className="flex items-start gap-3">
        <input
          type="checkbox"
          name="newCalfSymptoms"
          value="yes"
          checked={symptoms}
          onChange={(event) => setSymptoms(event.target.checked)}
          className="mt-1 size-5"
        />
        <span>I&apos;m cancelling because of new pain, swelling, warmth or redness in a calf.</span>
      </label>
      {symptoms ? <RedFlagBox headingLevel={3} /> : null}
      <div>
        <label htmlFor={reasonId} className="font-semibold">
          Anything you&apos;d like us to know? (optional)
        </label>
        <textarea
          id={reasonId}
          name="reason"
          maxLength={500}
          rows={2}
          className="mt-1 block w-full rounded-xl border border-teal-600/40 bg-white px-3 py-2"
        />
      </div>
      <p className="rounded-xl bg-teal-50 px-4 py-3 text-lg font-semibold text-teal-800" aria-live="polite">
        {refundCents > 0 ? `You will get ${refundText} back.` : "You will not get a refund."}
        {symptoms && refundCents > 0 ? " We waive the fee when you have new calf symptoms." : ""}
      </p>
      {state.formError ? (
        <Alert tone="error" title="Not cancelled" ref={errorRef} tabIndex={-1}>
          {state.formError}
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Cancelling…" : refundCents > 0 ? `Cancel and refund ${refundText}` : "Cancel without a refund"}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
          Keep my appointment
        </Button>
      </div>
    </form>
  );
}
