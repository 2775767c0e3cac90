import type { Metadata } from "next";
import { InviteTherapistForm } from "@/components/staff/invite-therapist-form";
import { StaffMemberActions } from "@/components/staff/staff-member-actions";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { listStaffMembers } from "@/lib/team/list-staff-members";
import {
  changeStaffRoleAction,
  disableStaffAccountAction,
  enableStaffAccountAction,
  inviteTherapistAction,
  resendStaffInviteAction,
  resetStaffTwoFactorAction,
} from "./actions";

export const metadata: Metadata = { title: "Staff: team", robots: { index: false } };

const ROLE = { ADMIN: "Admin", THERAPIST: "Therapist", CLIENT: "Client" } as const;
const ACTIONS = {
  resend: resendStaffInviteAction,
  changeRole: changeStaffRoleAction,
  disable: disableStaffAccountAction,
  enable: enableStaffAccountAction,
  resetTwoFactor: resetStaffTwoFactorAction,
};

// Admins only: the clinic's staff accounts, inviting therapists, roles, and turning accounts off or on.
export default async function StaffTeamPage() {
  const user = await requireStaffRoute("/staff/team");
  const members = await listStaffMembers();
  return (
    <>
      <h1 className="text-3xl font-semibold text-teal-800">Team</h1>
      <section aria-labelledby="invite-heading" className="mt-6 rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
        <h2 id="invite-heading" className="mb-1 text-xl font-semibold">
          Invite a therapist
        </h2>
        <p className="mb-4 text-muted">
          They get an email with a link to choose their password. Their profile appears on the site; add their hours
          before clients can book them.
        </p>
        <InviteTherapistForm action={inviteTherapistAction} />
      </section>
      <section aria-labelledby="members-heading" className="mt-8">
        <h2 id="members-heading" className="mb-3 text-xl font-semibold">
          Staff accounts
        </h2>
        <ul className="flex flex-col gap-4">
          {members.map((member) => {
            const label = member.name ?? member.email;
            const state = member.disabledAt
              ? "Turned off"
              : member.invitePending
                ? "Invited, no password yet"
                : "Active";
            return (
              <li key={member.id} className="rounded-2xl bg-white p-5 ring-1 ring-teal-600/15">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h3 className="text-lg font-semibold">{label}</h3>
                  <span className="text-sm font-semibold text-teal-800">
                    {ROLE[member.role]} · {state}
                  </span>
                </div>
                <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                  <dt className="font-semibold">Email</dt>
                  <dd className="break-all">{member.email}</dd>
                  <dt className="font-semibold">Therapist profile</dt>
                  <dd>
                    {member.therapist
                      ? `${member.therapist.displayName}, ${member.therapist.title}${member.therapist.active ? "" : " (not bookable)"}`
                      : "None"}
                  </dd>
                  <dt className="font-semibold">Two-factor</dt>
                  <dd>{member.twoFactor ? "On" : "Off"}</dd>
                </dl>
                <div className="mt-4">
                  {member.id === user.id ? (
                    <p className="text-muted">This is you. Another admin can change your role or account.</p>
                  ) : member.role === "CLIENT" ? null : (
                    <StaffMemberActions
                      member={{
                        id: member.id,
                        label,
                        role: member.role,
                        disabled: member.disabledAt !== null,
                        invitePending: member.invitePending,
                        twoFactor: member.twoFactor,
                      }}
                      actions={ACTIONS}
                    />
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      </section>
    </>
  );
}
