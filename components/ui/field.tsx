import type { ComponentProps } from "react";

interface FieldProps extends ComponentProps<"input"> {
  label: string;
  name: string;
  hint?: string;
  errors?: string[];
}

// A labelled input whose hint and errors are announced with it (aria-describedby).
export function Field({ label, name, hint, errors, id, ...input }: FieldProps) {
  const inputId = id ?? `field-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = errors?.length ? `${inputId}-error` : undefined;
  return (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={inputId} className="font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="text-sm text-muted">
          {hint}
        </p>
      ) : null}
      <input
        id={inputId}
        name={name}
        aria-invalid={errorId ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className="min-h-11 rounded-lg border border-control bg-white px-3 py-2 text-base placeholder:text-placeholder aria-invalid:border-alert-700 aria-invalid:ring-1 aria-invalid:ring-alert-700"
        {...input}
      />
      {errorId ? (
        <p id={errorId} className="text-sm font-medium text-alert-700">
          {errors?.join(" ")}
        </p>
      ) : null}
    </div>
  );
}
