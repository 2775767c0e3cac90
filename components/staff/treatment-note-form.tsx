"use client";

// The visit's SOAP note and calf record, written on a tablet beside the table: four text areas and a
// left/right table of 0–10 scores with large inputs. Every field is controlled, so a refused save
// (a bad score, or a colleague's newer version) keeps what was typed. An amendment names the version
// it started from and asks for a reason; when someone else saved first, their version is shown next
// to the form with the choice to keep editing over it or to take it.
import { useActionState, useEffect, useId, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import {
  AMEND_REASON_MAX_LENGTH,
  CALF_MEASURE_LABELS,
  CALF_MEASURES,
  CALF_SIDE_LABELS,
  CALF_SIDES,
  SOAP_FIELDS,
  SOAP_LABELS,
  SOAP_MAX_LENGTH,
  calfFieldName,
  calfInWords,
  type NoteSnapshot,
} from "@/lib/clinical/treatment-note-schema";
import type { FormAction, TreatmentNoteFormState } from "@/lib/forms/action-state";

type Values = Record<string, string>;

function valuesOf(note: NoteSnapshot | null): Values {
  const values: Values = {};
  for (const field of SOAP_FIELDS) values[field] = note?.soap[field] ?? "";
  for (const side of CALF_SIDES) {
    for (const measure of CALF_MEASURES) {
      const score = note?.calf[side]?.[measure];
      values[calfFieldName(side, measure)] = score === undefined ? "" : String(score);
    }
  }
  return values;
}

const textareaClass =
  "mt-1 block w-full rounded-xl border border-control bg-white px-3 py-2 text-base aria-invalid:border-alert-700 aria-invalid:ring-1 aria-invalid:ring-alert-700";

export function TreatmentNoteForm({
  bookingId,
  note,
  action,
}: {
  bookingId: string;
  note: NoteSnapshot | null;
  action: FormAction<TreatmentNoteFormState>;
}) {
  const [values, setValues] = useState<Values>(() => valuesOf(note));
  const [baseVersion, setBaseVersion] = useState(note?.version ?? 0);
  const [reason, setReason] = useState("");
  const [state, formAction, pending] = useActionState<TreatmentNoteFormState, FormData>(
    async (previous, formData) => {
      const result = await action(previous, formData);
      if (result.ok && result.savedVersion) {
        setBaseVersion(result.savedVersion);
        setReason("");
      }
      return result;
    },
    { ok: false },
  );
  const [conflictHandled, setConflictHandled] = useState<TreatmentNoteFormState | null>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const formId = useId();
  const errors = state.fieldErrors ?? {};
  const conflict = state.conflict && conflictHandled !== state ? state.conflict : null;

  useEffect(() => {
    if (state.formError || state.conflict || state.fieldErrors) outcomeRef.current?.focus();
  }, [state]);

  const set = (name: string) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));
  const errorId = (name: string) => (errors[name]?.length ? `${formId}-${name}-error` : undefined);
  const amending = baseVersion > 0;

  return (
    <form action={formAction} noValidate className="flex flex-col gap-5">
      <input type="hidden" name="bookingId" value={bookingId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />

      <div ref={outcomeRef} tabIndex={-1} aria-live="polite" className="outline-none">
        {state.ok && state.message ? <Alert title="Note saved">{state.message}</Alert> : null}
        {state.formError && !conflict ? (
          <Alert tone="error" title="Not saved">
            {state.formError}
          </Alert>
        ) : null}
        {state.fieldErrors && !state.formError ? (
          <Alert tone="error" title="Not saved">
            Please correct the fields marked below; everything you typed is still here.
          </Alert>
        ) : null}
        {conflict ? (
          <ConflictPanel
            message={state.formError ?? "Someone else changed this note."}
            latest={conflict}
            onKeepMine={() => {
              setBaseVersion(conflict.version);
              setConflictHandled(state);
            }}
            onTakeTheirs={() => {
              setValues(valuesOf(conflict));
              setBaseVersion(conflict.version);
              setConflictHandled(state);
            }}
          />
        ) : null}
      </div>

      <p className="text-sm text-muted">
        {amending
          ? `Amending version ${baseVersion}. Saving keeps version ${baseVersion} in the history and adds version ${baseVersion + 1}.`
          : "No note yet for this visit. The first save becomes version 1."}
      </p>

      {SOAP_FIELDS.map((field) => {
        const id = `${formId}-${field}`;
        const hintId = `${id}-hint`;
        return (
          <div key={field}>
            <label htmlFor={id} className="font-semibold">
              {SOAP_LABELS[field].label}
            </label>
            <p id={hintId} className="text-sm text-muted">
              {SOAP_LABELS[field].hint}
            </p>
            <textarea
              id={id}
              name={field}
              rows={3}
              maxLength={SOAP_MAX_LENGTH}
              value={values[field]}
              onChange={set(field)}
              aria-invalid={errors[field] ? true : undefined}
              aria-describedby={[hintId, errorId(field)].filter(Boolean).join(" ")}
              className={textareaClass}
            />
            <FieldError id={errorId(field)} messages={errors[field]} />
          </div>
        );
      })}

      <div>
        <p id={`${formId}-calf-title`} className="font-semibold">
          Calf record
        </p>
        <p id={`${formId}-calf-hint`} className="mb-2 text-sm text-muted">
          Each from 0 (none) to 10 (the most). Leave a side blank if it was not assessed.
        </p>
        <table
          aria-labelledby={`${formId}-calf-title`}
          aria-describedby={`${formId}-calf-hint`}
          className="w-full max-w-lg border-collapse text-left"
        >
          <thead>
            <tr>
              <th scope="col" className="py-2 pr-3">
                <span className="sr-only">Finding</span>
              </th>
              {CALF_SIDES.map((side) => (
                <th key={side} scope="col" className="px-2 py-2 font-semibold">
                  {CALF_SIDE_LABELS[side]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {CALF_MEASURES.map((measure) => (
              <tr key={measure} className="border-t border-teal-600/15 align-top">
                <th scope="row" className="py-3 pr-3 font-semibold">
                  {CALF_MEASURE_LABELS[measure]}
                </th>
                {CALF_SIDES.map((side) => {
                  const name = calfFieldName(side, measure);
                  return (
                    <td key={side} className="px-1 py-2 sm:px-2">
                      <input
                        name={name}
                        type="number"
                        inputMode="numeric"
                        min={0}
                        max={10}
                        step={1}
                        value={values[name]}
                        onChange={set(name)}
                        aria-label={`${CALF_SIDE_LABELS[side]}: ${CALF_MEASURE_LABELS[measure].toLowerCase()} (0 to 10)`}
                        aria-invalid={errors[name] ? true : undefined}
                        aria-describedby={errorId(name)}
                        className="min-h-12 w-16 rounded-lg border border-control bg-white px-2 py-2 text-center text-lg sm:w-20 sm:px-3 aria-invalid:border-alert-700 aria-invalid:ring-1 aria-invalid:ring-alert-700"
                      />
                      <FieldError id={errorId(name)} messages={errors[name]} />
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {amending ? (
        <div>
          <label htmlFor={`${formId}-reason`} className="font-semibold">
            Reason for the amendment
          </label>
          <p id={`${formId}-reason-hint`} className="text-sm text-muted">
            Kept with the new version, e.g. &ldquo;client called back: swelling eased&rdquo;.
          </p>
          <textarea
            id={`${formId}-reason`}
            name="reason"
            rows={2}
            maxLength={AMEND_REASON_MAX_LENGTH}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            aria-describedby={[`${formId}-reason-hint`, errorId("reason")].filter(Boolean).join(" ")}
            aria-invalid={errors.reason ? true : undefined}
            className={textareaClass}
          />
          <FieldError id={errorId("reason")} messages={errors.reason} />
        </div>
      ) : null}

      <div>
        <Button type="submit" disabled={pending} className="min-h-12 px-6 text-lg">
          {pending ? "Saving…" : amending ? "Save amendment" : "Save note"}
        </Button>
      </div>
    </form>
  );
}

function FieldError({ id, messages }: { id: string | undefined; messages: string[] | undefined }) {
  if (!id || !messages?.length) return null;
  return (
    <p id={id} className="mt-1 text-sm font-medium text-alert-700">
      {messages.join(" ")}
    </p>
  );
}

function ConflictPanel({
  message,
  latest,
  onKeepMine,
  onTakeTheirs,
}: {
  message: string;
  latest: NoteSnapshot;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  return (
    <div role="alert" className="rounded-xl border-2 border-alert-700 bg-alert-50 p-4 text-ink">
      <p className="font-semibold text-alert-700">Not saved: {message}</p>
      <p className="mt-2">
        Version {latest.version}, saved by {latest.savedBy}:
      </p>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {SOAP_FIELDS.map((field) => (
          <div key={field} className="contents">
            <dt className="font-semibold">{SOAP_LABELS[field].label}</dt>
            <dd className="whitespace-pre-wrap">{latest.soap[field] || "(blank)"}</dd>
          </div>
        ))}
        {CALF_SIDES.map((side) => (
          <div key={side} className="contents">
            <dt className="font-semibold">{CALF_SIDE_LABELS[side]}</dt>
            <dd>{calfInWords(latest.calf[side])}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-3 flex flex-wrap gap-3">
        <Button type="button" variant="secondary" className="min-h-12" onClick={onKeepMine}>
          Keep my text and amend version {latest.version}
        </Button>
        <Button type="button" variant="secondary" className="min-h-12" onClick={onTakeTheirs}>
          Replace my text with version {latest.version}
        </Button>
      </div>
    </div>
  );
}
