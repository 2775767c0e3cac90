"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signUpAction, type SignUpState } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState<SignUpState, FormData>(signUpAction, { ok: false });
  const errors = state.fieldErrors ?? {};
  const errorCount = Object.values(errors).filter(Boolean).length;
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      {state.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      {errorCount > 0 ? (
        <Alert tone="error">
          Please correct the {errorCount === 1 ? "field" : `${errorCount} fields`} marked below.
        </Alert>
      ) : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field
        key={`name-${state.values?.name ?? ""}`}
        label="Your name"
        name="name"
        autoComplete="name"
        required
        maxLength={100}
        defaultValue={state.values?.name}
        errors={errors.name}
      />
      <Field
        key={`email-${state.values?.email ?? ""}`}
        label="Email"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        errors={errors.email}
      />
      <Field
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        maxLength={128}
        hint="At least 10 characters. A short phrase of unrelated words is easy to remember and hard to guess."
        errors={errors.password}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </Button>
      <p className="text-muted">
        Already have an account?{" "}
        <Link
          className="font-semibold text-teal-800 underline"
          href={callbackUrl ? `/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}` : "/sign-in"}
        >
          Sign in
        </Link>
      </p>
    </form>
  );
}
