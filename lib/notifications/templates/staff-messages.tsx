// The staff account messages: the invitation to join the team, and the notes an account's owner
// gets when an admin changes its role, turns it off or on, or resets its two-factor sign-in; in the
// clinic's email frame (block-message.tsx), each with an HTML and a plain-text part.
import { getClinic } from "@/lib/clinic/get-clinic";
import { renderBlockMessage } from "./block-message";
import type { RenderedEmail } from "./render-email";

export type StaffMessage = RenderedEmail;

// An invitation link carries a single-use token: it appears in the message only, never in logs or
// audit entries, and the "Sent email" view lists invitations without their text.
export function staffInviteMessage(facts: {
  name: string;
  invitedBy: string | null;
  link: string;
  validDays: number;
}): Promise<StaffMessage> {
  return renderBlockMessage({
    template: "staff-invite",
    subject: `You're invited to the ${getClinic().shortName} staff area`,
    heading: "You are invited to the staff area",
    name: facts.name,
    blocks: [
      `${facts.invitedBy ?? "The clinic"} has added you to ${getClinic().name} as a therapist. To choose your password, open this link:`,
      { link: facts.link, label: "Set your password" },
      `The link works once and for ${facts.validDays} days. After setting your password, sign in with this email address to see your schedule.`,
      `If you weren't expecting this, you can ignore this message, or call us on ${getClinic().phoneDisplay}.`,
    ],
  });
}

export function staffRoleChangedMessage(facts: {
  name: string | null;
  role: "THERAPIST" | "ADMIN";
}): Promise<StaffMessage> {
  const role = facts.role === "ADMIN" ? "an admin" : "a therapist";
  return renderBlockMessage({
    template: "staff-role-changed",
    subject: `Your ${getClinic().shortName} staff role changed`,
    heading: "Your staff role changed",
    name: facts.name,
    blocks: [
      `An admin changed your account to ${role}. What you can see in the staff area changes from your next page.`,
      `If this looks wrong, talk to the clinic's admin or call ${getClinic().phoneDisplay}.`,
    ],
  });
}

export function staffAccountDisabledMessage(facts: { name: string | null }): Promise<StaffMessage> {
  return renderBlockMessage({
    template: "staff-account-disabled",
    subject: `Your ${getClinic().shortName} staff account is turned off`,
    heading: "Your staff account is turned off",
    name: facts.name,
    blocks: [
      "An admin turned off your staff account. You have been signed out everywhere and can no longer sign in.",
      `If this looks wrong, talk to the clinic's admin or call ${getClinic().phoneDisplay}.`,
    ],
  });
}

export function staffAccountEnabledMessage(facts: { name: string | null }): Promise<StaffMessage> {
  return renderBlockMessage({
    template: "staff-account-enabled",
    subject: `Your ${getClinic().shortName} staff account is on again`,
    heading: "Your staff account is on again",
    name: facts.name,
    blocks: ["An admin turned your staff account back on. You can sign in again with your email address and password."],
  });
}

export function staffTwoFactorResetMessage(facts: { name: string | null }): Promise<StaffMessage> {
  return renderBlockMessage({
    template: "staff-two-factor-reset",
    subject: `Your ${getClinic().shortName} two-factor sign-in was reset`,
    heading: "Your two-factor sign-in was reset",
    name: facts.name,
    blocks: [
      "An admin turned off two-factor sign-in on your staff account, and you were signed out everywhere. Your password is unchanged.",
      "Sign in with your password, then set up two-factor sign-in again on the Security page.",
      `If you didn't ask for this, talk to the clinic's admin or call ${getClinic().phoneDisplay} straight away.`,
    ],
  });
}
