"use client";

// "Record payment at the desk" for a booking the client pays at the clinic: one button that states
// the amount, pressed once (the server records one payment, however often it is sent).
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/forms/action-state";

export function DeskPaymentForm({
  bookingId,
  amount,
  payable,
  paidNote,
  action,
}: {
  bookingId: string;
  amount: string;
  payable: boolean;
  /** Said once the payment is recorded, e.g. "$95.00 paid at the desk on …". */
  paidNote: string | null;
  action: FormAction<ActionState>;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { ok: false });
  return (
    <div className="mt-4 flex flex-col gap-3 border-t border-teal-600/15 pt-4" data-slot="desk-payment">
      <p className="font-semibold">To be paid at the desk</p>
      <div aria-live="polite">
        {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
        {state.ok && state.message ? <Alert>{state.message}</Alert> : null}
      </div>
      {paidNote ? <p>{paidNote}</p> : null}
      {payable && !state.ok ? (
        <form action={formAction}>
          <input type="hidden" name="bookingId" value={bookingId} />
          <Button type="submit" disabled={pending} className="min-h-12">
            {pending ? "Recording…" : `Record payment at the desk (${amount})`}
          </Button>
        </form>
      ) : null}
      {!payable && !paidNote && !state.ok ? (
        <p className="text-muted">Nothing to take at the desk for this appointment now.</p>
      ) : null}
    </div>
  );
}
