"use client";

// One screening question answered Yes or No, as large radio pills: the online health step and the
// staff's phone-booking form ask the same questions the same way.
import type { ReactNode } from "react";

export function YesNoQuestion({
  name,
  question,
  help,
  last,
  value,
  error,
  onChange,
  children,
}: {
  name: string;
  question: string;
  /** A line of help under the question. */
  help?: string;
  /** A returning client's earlier answer, shown for re-confirmation (never prefilled). */
  last?: string;
  value: boolean | undefined;
  error?: string;
  onChange: (value: boolean) => void;
  children?: ReactNode;
}) {
  const errorId = error ? `${name}-error` : undefined;
  const describedBy = [help ? `${name}-help` : null, last ? `${name}-last` : null, errorId].filter(Boolean).join(" ");
  const option = (label: string, optionValue: boolean) => (
    <label className="flex min-h-11 min-w-24 cursor-pointer items-center gap-2 rounded-full border border-control bg-white px-4 py-2 has-checked:border-teal-600 has-checked:bg-teal-50 has-checked:font-semibold">
      <input
        type="radio"
        name={name}
        value={optionValue ? "yes" : "no"}
        checked={value === optionValue}
        onChange={() => onChange(optionValue)}
        aria-describedby={describedBy || undefined}
        data-unanswered={error ? true : undefined}
        className="h-5 w-5 accent-teal-600"
      />
      {label}
    </label>
  );
  return (
    <fieldset className="border-b border-teal-600/10 py-4 last:border-b-0" data-question={name}>
      <legend className="float-left w-full font-semibold">{question}</legend>
      {help ? (
        <p id={`${name}-help`} className="clear-both pt-1 text-sm text-muted">
          {help}
        </p>
      ) : null}
      {last ? (
        <p id={`${name}-last`} className="clear-both pt-1 text-sm font-medium text-teal-800" data-last-answer>
          {last}
        </p>
      ) : null}
      <div className="clear-both flex flex-wrap gap-3 pt-2">
        {option("Yes", true)}
        {option("No", false)}
      </div>
      {error ? (
        <p id={errorId} className="mt-2 text-sm font-medium text-alert-700">
          Please answer yes or no.
        </p>
      ) : null}
      {children}
    </fieldset>
  );
}
