"use client";

// One staff member's account actions on the team page: re-send an invitation, change the role, turn
// the account off (after a confirmation; refused with the appointments still to come) or on again,
// and reset two-factor sign-in for someone who lost their phone and codes (after a confirmation).
import Link from "next/link";
import { useActionState, useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { FormAction, TeamFormState } from "@/lib/forms/action-state";

export interface StaffMemberView {
  id: string;
  label: string;
  role: "THERAPIST" | "ADMIN";
  disabled: boolean;
  invitePending: boolean;
  twoFactor: boolean;
}

export interface StaffMemberActionSet {
  resend: FormAction<TeamFormState>;
  changeRole: FormAction<TeamFormState>;
  disable: FormAction<TeamFormState>;
  enable: FormAction<TeamFormState>;
  resetTwoFactor: FormAction<TeamFormState>;
}

type Kind = keyof StaffMemberActionSet;

export function StaffMemberActions({ member, actions }: { member: StaffMemberView; actions: StaffMemberActionSet }) {
  const [last, setLast] = useState<Kind | null>(null);
  const [resent, resendAction, resending] = useActionState<TeamFormState, FormData>(actions.resend, { ok: false });
  const [changed, changeRoleAction, changing] = useActionState<TeamFormState, FormData>(actions.changeRole, {
    ok: false,
  });
  const [disabled, disableAction, disabling] = useActionState<TeamFormState, FormData>(actions.disable, { ok: false });
  const [enabled, enableAction, enabling] = useActionState<TeamFormState, FormData>(actions.enable, { ok: false });
  const [reset, resetAction, resetting] = useActionState<TeamFormState, FormData>(actions.resetTwoFactor, {
    ok: false,
  });
  const [confirming, setConfirming] = useState<"disable" | "resetTwoFactor" | null>(null);
  const [role, setRole] = useState(member.role);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const outcomeRef = useRef<HTMLDivElement>(null);
  const pending = resending || changing || disabling || enabling || resetting;
  const outcomes = { resend: resent, changeRole: changed, disable: disabled, enable: enabled, resetTwoFactor: reset };
  const outcome = last ? outcomes[last] : null;

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (outcome?.formError) outcomeRef.current?.focus();
  }, [outcome]);

  const hidden = <input type="hidden" name="userId" value={member.id} />;
  return (
    <div className="flex flex-col gap-3">
      <div aria-live="polite">
        {outcome?.ok && outcome.message ? <Alert>{outcome.message}</Alert> : null}
        {outcome?.formError ? (
          <Alert tone="error" ref={outcomeRef} tabIndex={-1}>
            <p>{outcome.formError}</p>
            {outcome.appointments?.length ? (
              <ul className="mt-2 list-disc pl-5">
                {outcome.appointments.map((appointment) => (
                  <li key={appointment.id}>
                    <Link href={`/staff/appointments/${appointment.id}`} className="font-semibold underline">
                      {appointment.when}: {appointment.serviceName} with {appointment.clientName}
                    </Link>
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        {member.invitePending && !member.disabled ? (
          <form action={resendAction} onSubmit={() => setLast("resend")}>
            {hidden}
            <Button type="submit" variant="secondary" disabled={pending}>
              {resending ? "Sending…" : "Re-send invitation"}
            </Button>
          </form>
        ) : null}
        <form
          action={changeRoleAction}
          onSubmit={() => setLast("changeRole")}
          className="flex flex-wrap items-end gap-2"
        >
          {hidden}
          <div className="flex flex-col gap-1.5">
            <label htmlFor={`role-${member.id}`} className="text-sm font-semibold">
              Role of {member.label}
            </label>
            <select
              id={`role-${member.id}`}
              name="role"
              value={role}
              onChange={(event) => setRole(event.target.value as StaffMemberView["role"])}
              className="min-h-11 rounded-lg border border-control bg-white px-3 py-2"
            >
              <option value="THERAPIST">Therapist</option>
              <option value="ADMIN">Admin</option>
            </select>
          </div>
          <Button type="submit" variant="secondary" disabled={pending || role === member.role}>
            {changing ? "Changing…" : "Change role"}
          </Button>
        </form>
        {member.disabled ? (
          <form action={enableAction} onSubmit={() => setLast("enable")}>
            {hidden}
            <Button type="submit" variant="secondary" disabled={pending}>
              {enabling ? "Turning on…" : "Turn account on again"}
            </Button>
          </form>
        ) : !confirming ? (
          <Button type="button" variant="secondary" onClick={() => setConfirming("disable")} disabled={pending}>
            Turn account off…
          </Button>
        ) : null}
        {member.twoFactor && !confirming ? (
          <Button type="button" variant="secondary" onClick={() => setConfirming("resetTwoFactor")} disabled={pending}>
            Reset two-factor…
          </Button>
        ) : null}
      </div>
      {confirming === "resetTwoFactor" ? (
        <form
          action={resetAction}
          onSubmit={() => {
            setLast("resetTwoFactor");
            setConfirming(null);
          }}
          className="flex flex-col gap-3 rounded-xl border border-alert-700/40 bg-alert-50 p-4"
        >
          {hidden}
          <p ref={confirmRef} tabIndex={-1} className="font-semibold">
            Reset {member.label}&apos;s two-factor sign-in? Only do this when they have lost their phone and their
            recovery codes, and you know it is them asking. They are signed out everywhere and set it up again.
          </p>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={pending}>
              Reset two-factor sign-in
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(null)}>
              Keep it
            </Button>
          </div>
        </form>
      ) : null}
      {confirming === "disable" && !member.disabled ? (
        <form
          action={disableAction}
          onSubmit={() => {
            setLast("disable");
            setConfirming(null);
          }}
          className="flex flex-col gap-3 rounded-xl border border-alert-700/40 bg-alert-50 p-4"
        >
          {hidden}
          <p ref={confirmRef} tabIndex={-1} className="font-semibold">
            Turn off {member.label}&apos;s account? They are signed out everywhere at once and can no longer sign in.
            You can turn it on again later.
          </p>
          <div className="flex flex-wrap gap-3">
            <Button type="submit" disabled={pending}>
              Turn off the account
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(null)}>
              Keep it on
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
