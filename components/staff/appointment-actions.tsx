"use client";

import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { canTransition } from "@/lib/booking/status";
import type { BookingStatus } from "@/lib/booking/status";

export interface TransitionResult {
  ok: boolean;
  message?: string;
  formError?: string;
}

type Action = (previous: TransitionResult, formData: FormData) => Promise<TransitionResult>;
type Step = "checkIn" | "complete" | "noShow";

const STEPS: { step: Step; to: BookingStatus; label: string; variant: "primary" | "secondary" }[] = [
  { step: "checkIn", to: "CHECKED_IN", label: "Check in", variant: "primary" },
  { step: "complete", to: "COMPLETED", label: "Complete visit", variant: "primary" },
  { step: "noShow", to: "NO_SHOW", label: "Mark no-show", variant: "secondary" },
];

// The buttons offered are the transitions the status machine allows from the state shown; the
// server checks again. The outcome is shown here, above the buttons, so a person who lost a race
// still reads why once the page shows the state the other person left.
export function AppointmentActions({
  bookingId,
  status,
  actions,
  canMarkNoShow,
}: {
  bookingId: string;
  status: BookingStatus;
  actions: Record<Step, Action>;
  canMarkNoShow: boolean;
}) {
  const [last, setLast] = useState<Step | null>(null);
  const [checkIn, checkInAction, checkingIn] = useActionState(actions.checkIn, { ok: true });
  const [complete, completeAction, completing] = useActionState(actions.complete, { ok: true });
  const [noShow, noShowAction, markingNoShow] = useActionState(actions.noShow, { ok: true });
  const states = { checkIn, complete, noShow };
  const formActions = { checkIn: checkInAction, complete: completeAction, noShow: noShowAction };
  const pending = checkingIn || completing || markingNoShow;
  const outcome = last ? states[last] : null;

  const offered = STEPS.filter(({ step, to }) => canTransition(status, to) && (step !== "noShow" || canMarkNoShow));
  return (
    <div className="flex flex-col gap-3">
      <div aria-live="polite">
        {outcome?.formError ? <Alert tone="error">{outcome.formError}</Alert> : null}
        {outcome?.ok && outcome.message ? <Alert>{outcome.message}</Alert> : null}
      </div>
      {offered.length === 0 ? (
        <p className="text-muted">No further steps for this appointment.</p>
      ) : (
        <div className="flex flex-wrap items-start gap-3">
          {offered.map(({ step, label, variant }) => (
            <form key={step} action={formActions[step]} onSubmit={() => setLast(step)}>
              <input type="hidden" name="bookingId" value={bookingId} />
              <Button type="submit" variant={variant} disabled={pending} className="min-h-12 px-6 text-lg">
                {label}
              </Button>
            </form>
          ))}
        </div>
      )}
    </div>
  );
}
