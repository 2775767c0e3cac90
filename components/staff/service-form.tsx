"use client";

// Creating or editing a service. Every field is controlled, so a refused save (a form action resets
// uncontrolled fields) keeps everything typed; each message sits under the field it concerns, and a
// refusal that would strand booked visits lists them with links.
import { useActionState, useEffect, useRef, useState, type ChangeEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { StrandedVisits } from "./stranded-visits";
import type { AdminFormState, FormAction } from "@/lib/forms/action-state";

export interface ServiceFormValues {
  name: string;
  slug: string;
  summary: string;
  description: string;
  price: string;
  durationMinutes: string;
  bufferMinutes: string;
  aftercareSlug: string;
  therapistIds: string[];
  whoItHelps: string;
  whatToExpect: string;
  contraindications: string;
  freeCancellationHours: string;
  lateCancellationRefundPercent: string;
}

type TextKey = Exclude<keyof ServiceFormValues, "therapistIds">;

export function ServiceForm({
  serviceId,
  initial,
  therapists,
  guides,
  action,
}: {
  /** The service being edited; none when creating one. */
  serviceId?: string;
  initial: ServiceFormValues;
  therapists: { id: string; label: string }[];
  guides: { slug: string; title: string }[];
  action: FormAction<AdminFormState>;
}) {
  const [state, formAction, pending] = useActionState<AdminFormState, FormData>(action, { ok: false });
  const [values, setValues] = useState(initial);
  const alertRef = useRef<HTMLDivElement>(null);
  const errors = (name: string) => state.fieldErrors?.[name];

  useEffect(() => {
    if (state.formError || state.message) alertRef.current?.focus();
  }, [state]);

  const bind = (name: TextKey) => ({
    name,
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
    errors: errors(name),
  });
  const toggleTherapist = (id: string, checked: boolean) =>
    setValues((current) => ({
      ...current,
      therapistIds: checked ? [...current.therapistIds, id] : current.therapistIds.filter((other) => other !== id),
    }));

  return (
    <form action={formAction} className="flex flex-col gap-6" noValidate>
      {serviceId ? <input type="hidden" name="serviceId" value={serviceId} /> : null}
      {state.formError ? (
        <Alert tone="error" title="Not saved" ref={alertRef} tabIndex={-1}>
          {state.formError}
          {state.stranded ? <StrandedVisits visits={state.stranded} /> : null}
        </Alert>
      ) : state.ok && state.message ? (
        <Alert title="Saved" ref={alertRef} tabIndex={-1}>
          {state.message}
        </Alert>
      ) : null}

      <fieldset className="min-w-0 flex flex-col gap-4">
        <legend className="mb-2 text-xl font-semibold text-teal-800">What it is</legend>
        <Field label="Name" required maxLength={80} autoComplete="off" {...bind("name")} />
        {serviceId ? (
          <p className="text-sm text-muted">
            Address: <code>/services/{values.slug}</code> (kept as it is, so links to it keep working).
          </p>
        ) : (
          <Field
            label="Address (optional)"
            hint="The last part of its page's address, such as calf-reset-30. Leave it empty to make one from the name."
            maxLength={60}
            autoComplete="off"
            {...bind("slug")}
          />
        )}
        <Field
          label="Summary"
          hint="One line for the list of treatments."
          required
          maxLength={200}
          {...bind("summary")}
        />
        <TextArea label="Description" rows={5} required maxLength={4000} {...bind("description")} />
      </fieldset>

      <fieldset className="min-w-0 grid gap-4 sm:grid-cols-3">
        <legend className="mb-2 text-xl font-semibold text-teal-800">Price and time</legend>
        <Field label="Price (US dollars)" inputMode="decimal" hint="Such as 95 or 95.00." required {...bind("price")} />
        <Field
          label="Length (minutes)"
          inputMode="numeric"
          hint="From 10 to 480."
          required
          {...bind("durationMinutes")}
        />
        <Field
          label="Clean-up buffer (minutes)"
          inputMode="numeric"
          hint="Kept free after each visit, 0 to 120."
          required
          {...bind("bufferMinutes")}
        />
      </fieldset>

      <fieldset className="min-w-0 grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 text-xl font-semibold text-teal-800">Cancellation policy</legend>
        <Field
          label="Free cancellation up to (hours before)"
          inputMode="numeric"
          hint="A full refund until this many hours before the visit, 0 to 720."
          required
          {...bind("freeCancellationHours")}
        />
        <Field
          label="Refund for a later cancellation (%)"
          inputMode="numeric"
          hint="Of what was paid, 0 to 100. New calf symptoms always waive the fee."
          required
          {...bind("lateCancellationRefundPercent")}
        />
      </fieldset>

      <fieldset className="min-w-0 flex flex-col gap-3">
        <legend className="mb-2 text-xl font-semibold text-teal-800">Who offers it</legend>
        {therapists.length === 0 ? <p className="text-muted">No therapists yet.</p> : null}
        <ul
          className="grid gap-1 sm:grid-cols-2"
          aria-describedby={errors("therapistIds") ? "therapists-error" : undefined}
        >
          {therapists.map((therapist) => (
            <li key={therapist.id}>
              <label className="flex min-h-11 items-center gap-3">
                <input
                  type="checkbox"
                  name="therapistIds"
                  value={therapist.id}
                  checked={values.therapistIds.includes(therapist.id)}
                  onChange={(event) => toggleTherapist(therapist.id, event.target.checked)}
                  className="size-5 shrink-0"
                />
                {therapist.label}
              </label>
            </li>
          ))}
        </ul>
        {errors("therapistIds") ? (
          <p id="therapists-error" className="text-sm font-medium text-alert-700">
            {errors("therapistIds")?.join(" ")}
          </p>
        ) : null}
      </fieldset>

      <fieldset className="min-w-0 flex flex-col gap-4">
        <legend className="mb-2 text-xl font-semibold text-teal-800">On its page</legend>
        <div className="flex flex-col gap-1.5">
          <label htmlFor="field-aftercareSlug" className="font-semibold">
            Aftercare guide
          </label>
          <select
            id="field-aftercareSlug"
            name="aftercareSlug"
            value={values.aftercareSlug}
            onChange={(event) => setValues((current) => ({ ...current, aftercareSlug: event.target.value }))}
            aria-invalid={errors("aftercareSlug") ? true : undefined}
            aria-describedby={errors("aftercareSlug") ? "field-aftercareSlug-error" : undefined}
            className="min-h-11 w-full rounded-lg border border-control bg-white px-3 py-2 text-base"
          >
            <option value="">None</option>
            {guides.map((guide) => (
              <option key={guide.slug} value={guide.slug}>
                {guide.title}
              </option>
            ))}
          </select>
          {errors("aftercareSlug") ? (
            <p id="field-aftercareSlug-error" className="text-sm font-medium text-alert-700">
              {errors("aftercareSlug")?.join(" ")}
            </p>
          ) : null}
        </div>
        <TextArea label="Who it helps" hint="One per line." rows={4} {...bind("whoItHelps")} />
        <TextArea label="What to expect" hint="One step per line." rows={4} {...bind("whatToExpect")} />
        <TextArea
          label="Cautions (contraindications)"
          hint="One per line. The booking's health questions still screen every client."
          rows={4}
          {...bind("contraindications")}
        />
      </fieldset>

      <div>
        <Button type="submit" disabled={pending} className="min-h-12">
          {pending ? "Saving…" : serviceId ? "Save changes" : "Create service"}
        </Button>
      </div>
    </form>
  );
}

function TextArea({
  label,
  name,
  hint,
  errors,
  ...textarea
}: {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
  value: string;
  onChange: (event: ChangeEvent<HTMLTextAreaElement>) => void;
  rows?: number;
  required?: boolean;
  maxLength?: number;
}) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={id} className="font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        name={name}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy || undefined}
        className="rounded-lg border border-control bg-white px-3 py-2 text-base aria-invalid:border-alert-700 aria-invalid:ring-1 aria-invalid:ring-alert-700"
        {...textarea}
      />
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-alert-700">
          {errors.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
