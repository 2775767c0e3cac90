"use client";

// Retry a failed message, after a confirmation that names the recipient: it is sent again with a
// fresh set of attempts.
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState, FormAction } from "@/lib/forms/action-state";

export function EmailRetryForm({
  messageId,
  toAddress,
  action,
}: {
  messageId: string;
  toAddress: string;
  action: FormAction<ActionState>;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, { ok: false });
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (state.formError) errorRef.current?.focus();
  }, [state]);

  return (
    <div className="flex flex-col gap-3">
      <div aria-live="polite">
        {state.ok && state.message ? <Alert>{state.message}</Alert> : null}
        {state.formError ? (
          <Alert tone="error" ref={errorRef} tabIndex={-1}>
            {state.formError}
          </Alert>
        ) : null}
      </div>
      {state.ok ? null : !confirming ? (
        <div>
          <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
            Retry…
          </Button>
        </div>
      ) : (
        <form action={formAction} className="flex flex-col gap-3 rounded-xl bg-teal-50 p-4">
          <input type="hidden" name="messageId" value={messageId} />
          <p ref={confirmRef} tabIndex={-1} className="font-semibold">
            Send this message to {toAddress} again? Check the address first: the same address usually fails the same
            way.
          </p>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={pending}>
              {pending ? "Queuing…" : "Retry now"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              Keep it failed
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
