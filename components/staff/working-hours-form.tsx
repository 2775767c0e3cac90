"use client";

// A therapist's whole week in one form: for each weekday its working hours and breaks, several
// ranges a day, rows added and removed in place. Every field is controlled, so a refused save keeps
// what was typed; each message sits under the input it concerns (names like "hours.1.0.end", as
// lib/hours/hours-ranges.ts reports them). Saving replaces the week as a whole, or nothing.
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { rangeField, WEEKDAYS, type RangeInput, type RangeKind, type WeekInput } from "@/lib/hours/hours-ranges";
import { StrandedVisits } from "./stranded-visits";
import type { AdminFormState, FormAction } from "@/lib/forms/action-state";

const KIND_LABEL = { hours: "Working hours", breaks: "Breaks" } as const;

export function WorkingHoursForm({
  therapistId,
  initial,
  zoneName,
  action,
}: {
  therapistId: string;
  initial: WeekInput;
  zoneName: string;
  action: FormAction<AdminFormState>;
}) {
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(action, { ok: false });
  const [week, setWeek] = useState(initial);
  // Rows added or removed since the last save move the row numbers the messages refer to: hide
  // the messages until the next save rather than show them on the wrong row.
  const [rowsMoved, setRowsMoved] = useState(false);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (state.formError || state.message) alertRef.current?.focus();
  }, [state]);

  const errorsOf = (name: string) => (rowsMoved ? undefined : state.fieldErrors?.[name]);
  const update = (kind: RangeKind, weekday: number, change: (rows: RangeInput[]) => RangeInput[]) =>
    setWeek((current) => ({
      ...current,
      [kind]: current[kind].map((rows, day) => (day === weekday ? change(rows) : rows)),
    }));
  const setPart = (kind: RangeKind, weekday: number, index: number, part: keyof RangeInput, value: string) =>
    update(kind, weekday, (rows) => rows.map((row, at) => (at === index ? { ...row, [part]: value } : row)));
  const addRow = (kind: RangeKind, weekday: number) => {
    setRowsMoved(true);
    update(kind, weekday, (rows) => [...rows, { start: "", end: "", label: "" }]);
  };
  const removeRow = (kind: RangeKind, weekday: number, index: number) => {
    setRowsMoved(true);
    update(kind, weekday, (rows) => rows.filter((_, at) => at !== index));
  };

  return (
    <form action={formAction} onSubmit={() => setRowsMoved(false)} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="therapistId" value={therapistId} />
      <p className="text-muted">
        Times are in {zoneName}. An end of 12:00 AM means midnight, the end of the day. Breaks must fall inside that
        day&apos;s hours.
      </p>
      {state.formError ? (
        <Alert tone="error" title="Hours not saved" ref={alertRef} tabIndex={-1}>
          {state.formError}
          {state.stranded ? <StrandedVisits visits={state.stranded} /> : null}
        </Alert>
      ) : state.ok && state.message ? (
        <Alert title="Hours saved" ref={alertRef} tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}

      {WEEKDAYS.map((dayName, weekday) => (
        <fieldset key={dayName} className="rounded-2xl bg-white p-4 ring-1 ring-teal-600/15">
          <legend className="px-1 text-lg font-semibold text-teal-800">{dayName}</legend>
          {(["hours", "breaks"] as const).map((kind) => {
            const rows = week[kind][weekday] ?? [];
            return (
              <div key={kind} className="mt-2">
                <h3 className="font-semibold">{KIND_LABEL[kind]}</h3>
                {rows.length === 0 ? (
                  <p className="text-sm text-muted">{kind === "hours" ? "Day off." : "No breaks."}</p>
                ) : null}
                <ul className="flex flex-col gap-2">
                  {rows.map((row, index) => (
                    <li key={index} className="flex flex-wrap items-end gap-3">
                      <TimeInput
                        name={rangeField(kind, weekday, index, "start")}
                        label="From"
                        context={`${dayName}, ${KIND_LABEL[kind].toLowerCase()} ${index + 1}`}
                        value={row.start}
                        onChange={(value) => setPart(kind, weekday, index, "start", value)}
                        errors={errorsOf(rangeField(kind, weekday, index, "start"))}
                      />
                      <TimeInput
                        name={rangeField(kind, weekday, index, "end")}
                        label="To"
                        context={`${dayName}, ${KIND_LABEL[kind].toLowerCase()} ${index + 1}`}
                        value={row.end}
                        onChange={(value) => setPart(kind, weekday, index, "end", value)}
                        errors={errorsOf(rangeField(kind, weekday, index, "end"))}
                      />
                      {kind === "breaks" ? (
                        <TextInput
                          name={rangeField(kind, weekday, index, "label")}
                          label="Label (optional)"
                          context={`${dayName}, break ${index + 1}`}
                          value={row.label ?? ""}
                          onChange={(value) => setPart(kind, weekday, index, "label", value)}
                          errors={errorsOf(rangeField(kind, weekday, index, "label"))}
                        />
                      ) : null}
                      <Button type="button" variant="quiet" onClick={() => removeRow(kind, weekday, index)}>
                        Remove
                        <span className="sr-only">{` ${dayName} ${KIND_LABEL[kind].toLowerCase()} ${index + 1}`}</span>
                      </Button>
                    </li>
                  ))}
                </ul>
                <Button type="button" variant="secondary" className="mt-2" onClick={() => addRow(kind, weekday)}>
                  {kind === "hours" ? "Add hours" : "Add a break"}
                  <span className="sr-only">{` on ${dayName}`}</span>
                </Button>
              </div>
            );
          })}
        </fieldset>
      ))}

      <div>
        <Button type="submit" disabled={pending} className="min-h-12">
          {pending ? "Saving…" : "Save the week"}
        </Button>
      </div>
    </form>
  );
}

interface InputProps {
  name: string;
  label: string;
  /** Said before the label by screen readers: which day and row the input belongs to. */
  context: string;
  value: string;
  onChange: (value: string) => void;
  errors?: string[];
}

function TimeInput(props: InputProps) {
  return <LabelledInput {...props} type="time" className="w-36" />;
}

function TextInput(props: InputProps) {
  return <LabelledInput {...props} type="text" className="w-44" maxLength={60} />;
}

function LabelledInput({
  name,
  label,
  context,
  value,
  onChange,
  errors,
  type,
  className,
  maxLength,
}: InputProps & { type: "time" | "text"; className: string; maxLength?: number }) {
  const id = `field-${name.replaceAll(".", "-")}`;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        <span className="sr-only">{context}: </span>
        {label}
      </label>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        maxLength={maxLength}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
        className={`min-h-11 rounded-lg border border-control bg-white px-3 py-2 text-base aria-invalid:border-alert-700 aria-invalid:ring-1 aria-invalid:ring-alert-700 ${className}`}
      />
      {errorId ? (
        <p id={errorId} className="max-w-xs text-sm font-medium text-alert-700">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
