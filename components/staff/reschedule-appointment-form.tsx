"use client";

// Moving an appointment on the client's behalf, as the client moves it from their account: the
// booking flow's day and time steps for the same treatment and therapist, then one button stating
// the new time. The chosen day lives in the URL; after "that time was just taken" the page comes
// back on the same day with fresh times.
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { DateStep } from "@/components/booking/date-step";
import type { Slot } from "@/components/booking/slot-times";
import { TimeStep } from "@/components/booking/time-step";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { StaffFormAction, StaffFormState } from "./staff-form-state";

export function RescheduleAppointmentForm({
  bookingId,
  service,
  therapistId,
  therapistName,
  date,
  taken,
  today,
  lastDay,
  timeZone,
  timeZoneName,
  basePath,
  action,
}: {
  bookingId: string;
  service: string;
  therapistId: string;
  therapistName: string;
  date?: string;
  taken?: string;
  today: string;
  lastDay: string;
  timeZone: string;
  timeZoneName: string;
  /** This page's path with the reschedule step open, without a day: "/staff/appointments/x?reschedule=1". */
  basePath: string;
  action: StaffFormAction;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<StaffFormState, FormData>(action, { ok: false });
  const [slot, setSlot] = useState<Slot | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (state.formError) errorRef.current?.focus();
  }, [state]);
  useEffect(() => {
    if (slot) confirmRef.current?.focus();
  }, [slot]);

  const newTime = slot
    ? new Intl.DateTimeFormat("en-US", {
        timeZone,
        weekday: "short",
        month: "short",
        day: "numeric",
        hour: "numeric",
        minute: "2-digit",
        timeZoneName: "short",
      }).format(new Date(slot.start))
    : null;

  return (
    <div className="flex flex-col gap-6">
      {date ? (
        <TimeStep
          service={service}
          therapistId={therapistId}
          anyTherapist={false}
          date={date}
          selected={slot?.start}
          taken={taken}
          timeZone={timeZone}
          timeZoneName={timeZoneName}
          changeDateHref={basePath}
          onSelect={setSlot}
        />
      ) : (
        <DateStep
          service={service}
          therapistId={therapistId}
          therapistLabel={therapistName}
          today={today}
          lastDay={lastDay}
          timeZoneName={timeZoneName}
          onSelect={(day) => {
            setSlot(null);
            router.push(`${basePath}&date=${day}`, { scroll: false });
          }}
        />
      )}
      {state.formError ? (
        <Alert tone="error" title="Not moved" ref={errorRef} tabIndex={-1}>
          {state.formError}
        </Alert>
      ) : null}
      {slot && newTime ? (
        <form action={formAction} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="bookingId" value={bookingId} />
          <input type="hidden" name="start" value={slot.start} />
          <input type="hidden" name="date" value={date ?? ""} />
          <Button ref={confirmRef} type="submit" disabled={pending} className="min-h-12">
            {pending ? "Moving…" : `Move to ${newTime}`}
          </Button>
          <p className="text-muted">Same treatment and price: the payment carries over and the client is emailed.</p>
        </form>
      ) : null}
    </div>
  );
}
