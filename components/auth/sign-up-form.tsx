"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, type MouseEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { authFormPermalink } from "./form-permalink";
import type { SignUpState } from "@/lib/auth/schemas";
import type { FormAction } from "@/lib/forms/action-state";

const LABELS = { name: "Your name", email: "Email", password: "Password" } as const;
type FieldName = keyof typeof LABELS;
const FIELD_NAMES = Object.keys(LABELS) as FieldName[];

// Field ids come from <Field>: `field-${name}`. Following a link focuses the field, not just scrolls to it.
function focusField(event: MouseEvent<HTMLAnchorElement>) {
  const field = document.getElementById(event.currentTarget.hash.slice(1));
  if (!field) return;
  event.preventDefault();
  field.scrollIntoView({ block: "center" });
  field.focus({ preventScroll: true });
}

// The page passes the Server Action in: components never import from app/.
export function SignUpForm({
  action: signUpAction,
  callbackUrl,
}: {
  action: FormAction<SignUpState>;
  callbackUrl?: string;
}) {
  const [state, action, pending] = useActionState<SignUpState, FormData>(
    signUpAction,
    { ok: false },
    // The form's address before the page's script runs (React writes action="" without one, which
    // is not valid HTML): a submission then posts to this page, which renders the answer.
    authFormPermalink("/sign-up", callbackUrl),
  );
  const summaryRef = useRef<HTMLDivElement>(null);
  const errors = state.fieldErrors ?? {};
  const invalidFields = FIELD_NAMES.filter((name) => errors[name]?.length);

  // After a submission, take keyboard and screen-reader users to what happened: the summary of what
  // went wrong, or the "check your email" answer.
  useEffect(() => {
    if (state.ok || state.formError || state.fieldErrors) summaryRef.current?.focus();
  }, [state]);
  const signInHref = callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in";

  // The form gives way to the answer: the account is finished from the emailed link, not from here.
  if (state.ok && state.message) {
    return (
      <div className="flex flex-col gap-5">
        <Alert ref={summaryRef} tabIndex={-1} tone="info" title="Check your email">
          {state.message}
        </Alert>
        <p className="text-muted">
          Confirmed already?{" "}
          <Link className="font-semibold text-teal-800 underline" href={signInHref}>
            Sign in
          </Link>
        </p>
      </div>
    );
  }

  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      {state.formError ? (
        <Alert ref={summaryRef} tabIndex={-1} tone="error">
          {state.formError}
        </Alert>
      ) : invalidFields.length > 0 ? (
        <Alert
          ref={summaryRef}
          tabIndex={-1}
          tone="error"
          title={`Please correct ${invalidFields.length === 1 ? "this field" : `these ${invalidFields.length} fields`}:`}
        >
          <ul className="mt-1 list-disc pl-5">
            {invalidFields.map((name) => (
              <li key={name}>
                <a href={`#field-${name}`} onClick={focusField} className="font-semibold underline">
                  {LABELS[name]}
                </a>
              </li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field
        key={`name-${state.values?.name ?? ""}`}
        label={LABELS.name}
        name="name"
        autoComplete="name"
        required
        maxLength={100}
        defaultValue={state.values?.name}
        errors={errors.name}
      />
      <Field
        key={`email-${state.values?.email ?? ""}`}
        label={LABELS.email}
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={errors.email}
      />
      <Field
        label={LABELS.password}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={128}
        hint="At least 10 characters. A short phrase of unrelated words is easy to remember and hard to guess."
        errors={errors.password}
      />
      <p className="text-sm text-muted">
        We keep your health answers only to treat you safely, and you can see who opened them. Read our{" "}
        <Link className="font-semibold text-teal-800 underline" href="/privacy">
          privacy notice and terms
        </Link>
        .
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-muted">
        Already have an account?{" "}
        <Link className="font-semibold text-teal-800 underline" href={signInHref}>
          Sign in
        </Link>
      </p>
    </form>
  );
}
