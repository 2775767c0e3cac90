"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { authFormPermalink } from "./form-permalink";
import type { SignInState } from "@/lib/auth/schemas";
import type { FormAction } from "@/lib/forms/action-state";

export function SignInForm({
  action: signInAction,
  callbackUrl,
}: {
  action: FormAction<SignInState>;
  callbackUrl?: string;
}) {
  const [state, action, pending] = useActionState<SignInState, FormData>(
    signInAction,
    { ok: false },
    // The form's address before the page's script runs (React writes action="" without one, which
    // is not valid HTML): a submission then posts to this page, which renders the answer.
    authFormPermalink("/sign-in", callbackUrl),
  );
  const formRef = useRef<HTMLFormElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  // Kept here so the code step can send the password again with the code (never sent back by the server).
  const [password, setPassword] = useState("");
  // "Back" from the code step leaves that answer behind until the next submission.
  const [leftCodeStep, setLeftCodeStep] = useState<SignInState | null>(null);
  const askCode = Boolean(state.needsCode) && leftCodeStep !== state;

  // After a failed submission, take keyboard and screen-reader users to what went wrong: the message,
  // or else the first field that needs correcting (its error is announced with it).
  useEffect(() => {
    if (state.formError) errorRef.current?.focus();
    else if (state.fieldErrors) formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus();
    else if (state.needsCode) formRef.current?.querySelector<HTMLElement>("input[name='code']")?.focus();
  }, [state]);

  return (
    <form
      ref={formRef}
      action={action}
      noValidate
      className="flex flex-col gap-5"
      aria-describedby={state.formError ? "sign-in-error" : undefined}
    >
      {state.formError ? (
        <Alert id="sign-in-error" ref={errorRef} tabIndex={-1} tone="error">
          {state.formError}
        </Alert>
      ) : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      {askCode ? (
        <>
          <input type="hidden" name="email" value={state.values?.email ?? ""} />
          <input type="hidden" name="password" value={password} />
          <Field
            label="Code from your authenticator app"
            name="code"
            // Text, not numeric: a recovery code has letters, and a phone's number pad has none.
            inputMode="text"
            autoCapitalize="characters"
            autoComplete="one-time-code"
            required
            hint={`Two-factor sign-in is on for ${state.values?.email ?? "this account"}. Enter the 6-digit code your app shows now, or one of your recovery codes.`}
            errors={state.fieldErrors?.code}
          />
          <Button type="submit" disabled={pending}>
            {pending ? "Checking…" : "Verify and sign in"}
          </Button>
          <Button type="button" variant="secondary" onClick={() => setLeftCodeStep(state)} disabled={pending}>
            Back
          </Button>
        </>
      ) : (
        <>
          <Field
            key={`email-${state.values?.email ?? ""}`}
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={state.values?.email}
            errors={state.fieldErrors?.email}
          />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            errors={state.fieldErrors?.password}
          />
          <Button type="submit" disabled={pending}>
            {pending ? "Signing in…" : "Sign in"}
          </Button>
        </>
      )}
      <p>
        <Link
          className="inline-flex min-h-11 items-center font-semibold text-teal-800 underline"
          href="/forgot-password"
        >
          Forgot password?
        </Link>
      </p>
      <p className="text-muted">
        New here?{" "}
        <Link
          className="font-semibold text-teal-800 underline"
          href={callbackUrl ? `/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-up"}
        >
          Create an account
        </Link>
      </p>
    </form>
  );
}
