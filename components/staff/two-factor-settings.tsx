"use client";

// The Security page's two-factor settings, one component so what the server answered (the recovery
// codes, shown once) survives the page refreshing to its new state. Four states: off (a button to
// start), setting up (QR code, the key as text, a code to confirm), just turned on (the recovery
// codes) and on (new recovery codes with a current code; turn off, after a confirmation, with a
// current code or the password). When legacy recovery codes were replaced at sign-in, "on" says so.
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { FormAction, TwoFactorFormState } from "@/lib/forms/action-state";

export interface TwoFactorSettingsStatus {
  /** When it was turned on, written in the clinic's zone; null while off. */
  enabledAt: string | null;
  recoveryCodesLeft: number;
  /** When legacy recovery codes were replaced (clinic's zone), until new ones are generated. */
  codesReplacedAt: string | null;
  pending: { manualKey: string; qrCodeDataUrl: string } | null;
}

export function TwoFactorSettings({
  status,
  beginAction,
  confirmAction,
  disableAction,
  generateAction,
}: {
  status: TwoFactorSettingsStatus;
  beginAction: () => Promise<void>;
  confirmAction: FormAction<TwoFactorFormState>;
  disableAction: FormAction<TwoFactorFormState>;
  generateAction: FormAction<TwoFactorFormState>;
}) {
  const [confirmed, confirmFormAction, confirming] = useActionState<TwoFactorFormState, FormData>(confirmAction, {
    ok: false,
  });
  const [disabled, disableFormAction, disabling] = useActionState<TwoFactorFormState, FormData>(disableAction, {
    ok: false,
  });
  const [generated, generateFormAction, generating] = useActionState<TwoFactorFormState, FormData>(generateAction, {
    ok: false,
  });
  const [codesSaved, setCodesSaved] = useState(false);
  const [newCodesSaved, setNewCodesSaved] = useState<string[] | null>(null);

  if (confirmed.ok && confirmed.recoveryCodes && !codesSaved) {
    return (
      <RecoveryCodes
        heading="Two-factor sign-in is on: save your recovery codes"
        codes={confirmed.recoveryCodes}
        onDone={() => setCodesSaved(true)}
      />
    );
  }
  if (generated.ok && generated.recoveryCodes && newCodesSaved !== generated.recoveryCodes) {
    const codes = generated.recoveryCodes;
    return (
      <RecoveryCodes
        heading="Save your new recovery codes"
        codes={codes}
        onDone={() => setNewCodesSaved(codes)}
        note="Your earlier recovery codes no longer work."
      />
    );
  }

  return (
    <section
      aria-labelledby="two-factor-heading"
      className="mt-8 max-w-2xl rounded-2xl bg-white p-5 ring-1 ring-teal-600/15"
    >
      <h2 id="two-factor-heading" className="text-xl font-semibold">
        Two-factor sign-in
      </h2>
      <div aria-live="polite" className="mt-3">
        {disabled.ok && disabled.message && !status.enabledAt ? <Alert>{disabled.message}</Alert> : null}
      </div>
      {status.enabledAt ? (
        <>
          <TwoFactorOn status={status} state={disabled} action={disableFormAction} pending={disabling} />
          <NewRecoveryCodes
            replacedAt={status.codesReplacedAt}
            state={generated}
            action={generateFormAction}
            busy={generating}
          />
        </>
      ) : status.pending ? (
        <TwoFactorSetUp
          pending={status.pending}
          state={confirmed}
          action={confirmFormAction}
          busy={confirming}
          beginAction={beginAction}
        />
      ) : (
        <div className="mt-2 flex flex-col gap-3">
          <p>
            <strong>Off.</strong> You sign in with your password only.
          </p>
          <p className="text-muted">
            You need an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator,
            1Password or Aegis.
          </p>
          <form action={beginAction}>
            <Button type="submit">Set up two-factor sign-in</Button>
          </form>
        </div>
      )}
    </section>
  );
}

function TwoFactorSetUp({
  pending,
  state,
  action,
  busy,
  beginAction,
}: {
  pending: NonNullable<TwoFactorSettingsStatus["pending"]>;
  state: TwoFactorFormState;
  action: (formData: FormData) => void;
  busy: boolean;
  beginAction: () => Promise<void>;
}) {
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.formError) errorRef.current?.focus();
  }, [state]);
  return (
    <div className="mt-2 flex flex-col gap-4">
      <ol className="flex list-decimal flex-col gap-4 pl-5">
        <li>
          <p>Open your authenticator app, add an account and scan this QR code.</p>
          {/* A data: URL made on the server: the key never goes to another site. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img
            src={pending.qrCodeDataUrl}
            alt="QR code to add this account to your authenticator app"
            width={240}
            height={240}
            className="mt-3 rounded-lg ring-1 ring-teal-600/20"
          />
          <p className="mt-3">Can&apos;t scan it? Type this key into the app instead (time-based, 6 digits):</p>
          <p className="mt-1">
            <code data-testid="totp-manual-key" className="break-all rounded bg-teal-50 px-2 py-1 font-mono text-lg">
              {pending.manualKey}
            </code>
          </p>
        </li>
        <li>
          <form action={action} noValidate className="flex flex-col gap-3">
            {state.formError && !state.fieldErrors?.code ? (
              <Alert tone="error" ref={errorRef} tabIndex={-1}>
                {state.formError}
              </Alert>
            ) : null}
            <Field
              label="Enter the 6-digit code the app shows"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              errors={state.fieldErrors?.code}
            />
            <div>
              <Button type="submit" disabled={busy}>
                {busy ? "Checking…" : "Turn on two-factor sign-in"}
              </Button>
            </div>
          </form>
        </li>
      </ol>
      <form action={beginAction}>
        <Button type="submit" variant="quiet">
          Start again with a new key
        </Button>
      </form>
    </div>
  );
}

function NewRecoveryCodes({
  replacedAt,
  state,
  action,
  busy,
}: {
  replacedAt: string | null;
  state: TwoFactorFormState;
  action: (formData: FormData) => void;
  busy: boolean;
}) {
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.formError && !state.fieldErrors?.code) errorRef.current?.focus();
  }, [state]);
  return (
    <div className="mt-6 flex flex-col gap-3 border-t border-teal-600/15 pt-5">
      <h3 className="text-lg font-semibold">Recovery codes</h3>
      {replacedAt ? (
        <Alert tone="error" title="Your recovery codes were replaced">
          On {replacedAt} we turned off the recovery codes you saved earlier: they were of an older, shorter kind.
          Generate new ones here and keep them somewhere safe.
        </Alert>
      ) : null}
      <form action={action} noValidate className="flex flex-col gap-3">
        <p>New codes replace all of your current ones. Confirm with a code from your app.</p>
        {state.formError && !state.fieldErrors?.code ? (
          <Alert tone="error" ref={errorRef} tabIndex={-1}>
            {state.formError}
          </Alert>
        ) : null}
        <Field
          id="field-new-codes-code"
          label="Code from your app"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          errors={state.fieldErrors?.code}
        />
        <div>
          <Button type="submit" variant="secondary" disabled={busy}>
            {busy ? "Checking…" : "Generate new recovery codes"}
          </Button>
        </div>
      </form>
    </div>
  );
}

function RecoveryCodes({
  heading,
  codes,
  onDone,
  note,
}: {
  heading: string;
  codes: string[];
  onDone: () => void;
  note?: string;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section
      aria-labelledby="recovery-heading"
      className="mt-8 max-w-2xl rounded-2xl bg-white p-5 ring-1 ring-teal-600/15"
    >
      <h2 id="recovery-heading" ref={headingRef} tabIndex={-1} className="text-xl font-semibold">
        {heading}
      </h2>
      <p className="mt-2">
        If you lose your phone, each of these codes signs you in once instead of a code from the app. Print them or keep
        them in a password manager. <strong>They are shown only now.</strong>
        {note ? ` ${note}` : null}
      </p>
      <ol aria-label="Recovery codes" className="mt-4 grid grid-cols-1 gap-2 font-mono text-base md:grid-cols-2">
        {codes.map((code) => (
          <li key={code} className="rounded bg-teal-50 px-3 py-1 tracking-wide break-all">
            {code}
          </li>
        ))}
      </ol>
      <Button className="mt-5" onClick={onDone}>
        I have saved them
      </Button>
    </section>
  );
}

function TwoFactorOn({
  status,
  state,
  action,
  pending,
}: {
  status: TwoFactorSettingsStatus;
  state: TwoFactorFormState;
  action: (formData: FormData) => void;
  pending: boolean;
}) {
  const [confirming, setConfirming] = useState(false);
  const [proof, setProof] = useState<"code" | "password">("code");
  const headingRef = useRef<HTMLHeadingElement>(null);
  const errorRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (confirming) headingRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (state.formError) errorRef.current?.focus();
  }, [state]);
  return (
    <div className="mt-2 flex flex-col gap-3">
      <p>
        <strong>On</strong> since {status.enabledAt}. You have {status.recoveryCodesLeft}{" "}
        {status.recoveryCodesLeft === 1 ? "recovery code" : "recovery codes"} left.
      </p>
      {!confirming ? (
        <div>
          <Button variant="secondary" onClick={() => setConfirming(true)}>
            Turn off two-factor sign-in…
          </Button>
        </div>
      ) : (
        <form action={action} noValidate className="flex flex-col gap-4">
          <h3 ref={headingRef} tabIndex={-1} className="text-lg font-semibold">
            Turn off two-factor sign-in?
          </h3>
          <p>Your password alone will sign you in again. Your recovery codes stop working.</p>
          <fieldset className="flex flex-col gap-2">
            <legend className="font-semibold">Confirm it&apos;s you with</legend>
            <label className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="proof"
                value="code"
                checked={proof === "code"}
                onChange={() => setProof("code")}
                className="size-5"
              />
              A code from your app (or a recovery code)
            </label>
            <label className="flex min-h-11 items-center gap-3">
              <input
                type="radio"
                name="proof"
                value="password"
                checked={proof === "password"}
                onChange={() => setProof("password")}
                className="size-5"
              />
              Your password
            </label>
          </fieldset>
          {proof === "code" ? (
            <Field
              label="Code"
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              required
              errors={state.fieldErrors?.code}
            />
          ) : (
            <Field
              label="Password"
              name="password"
              type="password"
              autoComplete="current-password"
              required
              errors={state.fieldErrors?.password}
            />
          )}
          {state.formError && !state.fieldErrors ? (
            <Alert tone="error" ref={errorRef} tabIndex={-1}>
              {state.formError}
            </Alert>
          ) : null}
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={pending}>
              {pending ? "Turning off…" : "Turn off two-factor sign-in"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              Keep it on
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
