"use client";

import Link from "next/link";
import { useActionState } from "react";
import { signInAction, type SignInState } from "@/app/(auth)/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { ok: false });
  return (
    <form
      action={action}
      noValidate
      className="flex flex-col gap-5"
      aria-describedby={state.formError ? "sign-in-error" : undefined}
    >
      {state.formError ? (
        <div id="sign-in-error">
          <Alert tone="error">{state.formError}</Alert>
        </div>
      ) : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
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
        errors={state.fieldErrors?.password}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
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
