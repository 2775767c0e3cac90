"use client";

// Removing a span of time off, after a confirmation naming it: those hours open for booking again.
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import type { AdminFormState, FormAction } from "@/lib/forms/action-state";

export function RemoveTimeOffButton({
  therapistId,
  timeOffId,
  span,
  action,
}: {
  therapistId: string;
  timeOffId: string;
  /** The span in words, for the confirmation. */
  span: string;
  action: FormAction<AdminFormState>;
}) {
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(action, { ok: false });
  const [confirming, setConfirming] = useState(false);

  if (!confirming) {
    return (
      <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
        Remove<span className="sr-only">{` time off ${span}`}</span>
      </Button>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="therapistId" value={therapistId} />
      <input type="hidden" name="timeOffId" value={timeOffId} />
      <span className="font-semibold">Open these hours for booking again?</span>
      <Button type="submit" disabled={pending}>
        {pending ? "Removing…" : "Remove time off"}
      </Button>
      <Button type="button" variant="quiet" onClick={() => setConfirming(false)} disabled={pending}>
        Keep it
      </Button>
      {state.formError ? (
        <p role="alert" className="w-full text-sm font-medium text-alert-700">
          {state.formError}
        </p>
      ) : null}
    </form>
  );
}
