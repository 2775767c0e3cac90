"use client";

// Moving an appointment, by the client from their account or by staff on their behalf: the booking
// flow's own day and time steps for the same treatment and therapist, then one button that states
// the new time. The chosen day lives in the URL (so "Choose another day" is a link, as in the
// booking flow); the chosen time stays on this page until sent.
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { DateStep } from "@/components/booking/date-step";
import type { Slot } from "@/components/booking/slot-times";
import { TimeStep } from "@/components/booking/time-step";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";

/** Whatever the page's Server Action hands back; only its form-level refusal is shown here. */
export interface RescheduleFormState {
  formError?: string;
}

export function RescheduleForm<State extends RescheduleFormState>({
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
  initialState,
  carryOverNote,
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
  /** This page's path with the reschedule step open, without a day: "/account/bookings/x?reschedule=1". */
  basePath: string;
  action: (previous: State, formData: FormData) => Promise<State>;
  initialState: State;
  /** Said under the button: what happens to the payment, and who is told. */
  carryOverNote: string;
}) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<State, FormData>(action, initialState as Awaited<State>);
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
          <p className="text-muted">{carryOverNote}</p>
        </form>
      ) : null}
    </div>
  );
}
