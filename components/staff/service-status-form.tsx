"use client";

// Retiring a service (after a confirmation that says what happens) or bringing it back. A refusal
// lists the booked visits in the way, each linked to its appointment.
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { StrandedVisits } from "./stranded-visits";
import type { AdminFormState, FormAction } from "@/lib/forms/action-state";

export function ServiceStatusForm({
  serviceId,
  serviceName,
  active,
  retireAction,
  restoreAction,
}: {
  serviceId: string;
  serviceName: string;
  active: boolean;
  retireAction: FormAction<AdminFormState>;
  restoreAction: FormAction<AdminFormState>;
}) {
  // One state for both, so the outcome of a retirement stays shown once the page shows it retired.
  const [state, submit, pending] = useActionState<AdminFormState, FormData>(
    (previous, formData) => (formData.get("intent") === "restore" ? restoreAction : retireAction)(previous, formData),
    { ok: false },
  );
  const [confirming, setConfirming] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (state.formError || state.message) alertRef.current?.focus();
  }, [state]);
  useEffect(() => {
    if (confirming) headingRef.current?.focus();
  }, [confirming]);

  const outcome = state.formError ? (
    <Alert tone="error" title="Not changed" ref={alertRef} tabIndex={-1}>
      {state.formError}
      {state.stranded ? <StrandedVisits visits={state.stranded} /> : null}
    </Alert>
  ) : state.ok && state.message ? (
    <Alert ref={alertRef} tabIndex={-1}>
      {state.message}
    </Alert>
  ) : null;

  if (!active) {
    return (
      <form action={submit} onSubmit={() => setConfirming(false)} className="flex flex-col gap-3">
        {outcome}
        <p>This service is retired: it is not shown on the site and cannot be booked.</p>
        <input type="hidden" name="serviceId" value={serviceId} />
        <input type="hidden" name="intent" value="restore" />
        <div>
          <Button type="submit" variant="secondary" disabled={pending} className="min-h-12">
            {pending ? "Bringing it back…" : "Bring it back"}
          </Button>
        </div>
      </form>
    );
  }

  if (!confirming) {
    return (
      <div className="flex flex-col gap-3">
        {outcome}
        <p>
          Retiring takes it off the site and out of online booking. Visits already booked must be moved or cancelled
          first.
        </p>
        <div>
          <Button variant="secondary" className="min-h-12" onClick={() => setConfirming(true)}>
            Retire this service…
          </Button>
        </div>
      </div>
    );
  }

  return (
    <form action={submit} className="flex flex-col gap-3">
      <h3 ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
        Retire {serviceName}?
      </h3>
      {outcome}
      <p>It disappears from the site and from booking at once. You can bring it back later.</p>
      <input type="hidden" name="serviceId" value={serviceId} />
      <input type="hidden" name="intent" value="retire" />
      <div className="flex flex-wrap gap-3">
        <Button type="submit" disabled={pending} className="min-h-12">
          {pending ? "Retiring…" : `Retire ${serviceName}`}
        </Button>
        <Button
          type="button"
          variant="secondary"
          className="min-h-12"
          onClick={() => setConfirming(false)}
          disabled={pending}
        >
          Keep it
        </Button>
      </div>
    </form>
  );
}
