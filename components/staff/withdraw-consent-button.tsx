"use client";

// The client withdrew their consent (told their therapist or called): staff record it after
// confirming. Online booking then asks the client to sign again.
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/forms/action-state";

export function WithdrawConsentButton({
  clientId,
  bookingId,
  action,
}: {
  clientId: string;
  bookingId?: string;
  action: FormAction<ActionState>;
}) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { ok: false });
  if (!confirming) {
    return (
      <div>
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          Record a withdrawal
        </Button>
      </div>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="clientId" value={clientId} />
      {bookingId ? <input type="hidden" name="bookingId" value={bookingId} /> : null}
      <p className="w-full font-semibold" id={`withdraw-${clientId}`}>
        The client withdrew their consent? They will be asked to sign again before any further treatment.
      </p>
      <Button type="submit" disabled={pending} aria-describedby={`withdraw-${clientId}`}>
        {pending ? "Recording…" : "Yes, record the withdrawal"}
      </Button>
      <Button type="button" variant="quiet" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
      {state.formError ? (
        <p role="alert" className="w-full text-sm font-medium text-alert-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
