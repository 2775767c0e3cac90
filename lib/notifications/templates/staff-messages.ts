// The words of the staff account messages: the invitation to join the clinic's team, and the notes
// an account's owner gets when an admin changes its role, turns it off or on again, or resets its
// two-factor sign-in. Each returns a
// subject, a plain-text body and a simple HTML body with the same words. Self-contained, so the move
// to one template system can take them as they are. An invitation link carries a single-use token:
// it appears in the message only, never in logs or audit entries.
import { CLINIC } from "@/lib/clinic";

export interface StaffMessage {
  subject: string;
  text: string;
  html: string;
}

const greeting = (name: string | null) => (name ? `Hello ${name},` : "Hello,");

const signature = [
  CLINIC.name,
  `${CLINIC.street}, ${CLINIC.locality}, ${CLINIC.region} ${CLINIC.postalCode}`,
  CLINIC.phoneDisplay,
];

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

type Block = string | { link: string; label: string };

function compose(subject: string, name: string | null, blocks: Block[]): StaffMessage {
  const all: Block[] = [greeting(name), ...blocks];
  const text = [...all.map((block) => (typeof block === "string" ? block : block.link)), signature.join("\n")].join(
    "\n\n",
  );
  const htmlBlocks = all.map((block) =>
    typeof block === "string"
      ? `<p>${escapeHtml(block)}</p>`
      : `<p><a href="${escapeHtml(block.link)}" style="display:inline-block;padding:12px 20px;border-radius:999px;background:#0f766e;color:#ffffff;font-weight:600;text-decoration:none">${escapeHtml(block.label)}</a></p>\n<p style="font-size:14px;color:#475569">Or copy this address into your browser: ${escapeHtml(block.link)}</p>`,
  );
  const html = [
    `<div style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1e293b;max-width:560px">`,
    ...htmlBlocks,
    `<p style="color:#475569">${signature.map(escapeHtml).join("<br>")}</p>`,
    `</div>`,
  ].join("\n");
  return { subject, text, html };
}

export function staffInviteMessage(facts: {
  name: string;
  invitedBy: string | null;
  link: string;
  validDays: number;
}): StaffMessage {
  return compose(`You're invited to the ${CLINIC.shortName} staff area`, facts.name, [
    `${facts.invitedBy ?? "The clinic"} has added you to ${CLINIC.name} as a therapist. To choose your password, open this link:`,
    { link: facts.link, label: "Set your password" },
    `The link works once and for ${facts.validDays} days. After setting your password, sign in with this email address to see your schedule.`,
    `If you weren't expecting this, you can ignore this message, or call us on ${CLINIC.phoneDisplay}.`,
  ]);
}

export function staffRoleChangedMessage(facts: { name: string | null; role: "THERAPIST" | "ADMIN" }): StaffMessage {
  const role = facts.role === "ADMIN" ? "an admin" : "a therapist";
  return compose(`Your ${CLINIC.shortName} staff role changed`, facts.name, [
    `An admin changed your account to ${role}. What you can see in the staff area changes from your next page.`,
    `If this looks wrong, talk to the clinic's admin or call ${CLINIC.phoneDisplay}.`,
  ]);
}

export function staffAccountDisabledMessage(facts: { name: string | null }): StaffMessage {
  return compose(`Your ${CLINIC.shortName} staff account is turned off`, facts.name, [
    "An admin turned off your staff account. You have been signed out everywhere and can no longer sign in.",
    `If this looks wrong, talk to the clinic's admin or call ${CLINIC.phoneDisplay}.`,
  ]);
}

export function staffAccountEnabledMessage(facts: { name: string | null }): StaffMessage {
  return compose(`Your ${CLINIC.shortName} staff account is on again`, facts.name, [
    "An admin turned your staff account back on. You can sign in again with your email address and password.",
  ]);
}

export function staffTwoFactorResetMessage(facts: { name: string | null }): StaffMessage {
  return compose(`Your ${CLINIC.shortName} two-factor sign-in was reset`, facts.name, [
    "An admin turned off two-factor sign-in on your staff account, and you were signed out everywhere. Your password is unchanged.",
    "Sign in with your password, then set up two-factor sign-in again on the Security page.",
    `If you didn't ask for this, talk to the clinic's admin or call ${CLINIC.phoneDisplay} straight away.`,
  ]);
}
