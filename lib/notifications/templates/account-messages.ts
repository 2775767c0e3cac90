// The words of the account messages: password reset, password changed, email change and email
// verification. Each returns a subject, a plain-text body and a simple HTML body with the same words.
// Self-contained (no shared layout yet), so the move to one template system can take them as they are.
// Links carry a single-use token: they appear in the message only, never in logs or audit entries.
import { CLINIC } from "@/lib/clinic";

export interface AccountMessage {
  subject: string;
  text: string;
  html: string;
}

interface Recipient {
  name: string | null;
}

const greeting = (name: string | null) => (name ? `Hello ${name},` : "Hello,");

const signature = [
  CLINIC.name,
  `${CLINIC.street}, ${CLINIC.locality}, ${CLINIC.region} ${CLINIC.postalCode}`,
  CLINIC.phoneDisplay,
];

const NOT_YOU = `If this wasn't you, call us on ${CLINIC.phoneDisplay} and we'll help you secure your account.`;

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

// A paragraph is a string; a link is shown as a button-like anchor in HTML and as a bare URL in text.
type Block = string | { link: string; label: string };

function compose(subject: string, name: string | null, blocks: Block[]): AccountMessage {
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

export function passwordResetMessage(facts: Recipient & { link: string }): AccountMessage {
  return compose(`Reset your ${CLINIC.shortName} password`, facts.name, [
    "Someone asked to reset the password of your account. To choose a new password, open this link:",
    { link: facts.link, label: "Choose a new password" },
    "The link works once and for one hour. Choosing a new password signs you out on every device.",
    "If you didn't ask for this, you can ignore this message: your password stays as it is.",
  ]);
}

export function passwordChangedMessage(facts: Recipient & { byReset: boolean }): AccountMessage {
  return compose(`Your ${CLINIC.shortName} password was changed`, facts.name, [
    facts.byReset
      ? "Your password was just reset with a link we emailed you, and every device signed in to your account was signed out."
      : "Your password was just changed from your account, and your other devices were signed out.",
    NOT_YOU,
  ]);
}

export function emailChangeConfirmMessage(facts: Recipient & { link: string; newEmail: string }): AccountMessage {
  return compose(`Confirm your new email for ${CLINIC.shortName}`, facts.name, [
    `You asked to use ${facts.newEmail} for your account. To confirm, open this link:`,
    { link: facts.link, label: "Confirm this email address" },
    "The link works once and for 24 hours. Until you confirm, we keep using your current address.",
    "If you didn't ask for this, you can ignore this message.",
  ]);
}

export function emailChangeRequestedMessage(facts: Recipient & { newEmail: string }): AccountMessage {
  return compose(`A change of email was requested for your ${CLINIC.shortName} account`, facts.name, [
    `Someone signed in to your account asked to use ${facts.newEmail} instead of this address. Nothing changes until the link we sent to the new address is followed.`,
    NOT_YOU,
  ]);
}

export function emailChangedMessage(facts: Recipient & { newEmail: string }): AccountMessage {
  return compose(`Your ${CLINIC.shortName} account now uses another email`, facts.name, [
    `Your account's email is now ${facts.newEmail}. We'll send messages about your appointments there from now on.`,
    NOT_YOU,
  ]);
}

export function emailVerificationMessage(facts: Recipient & { link: string }): AccountMessage {
  return compose(`Confirm your email for ${CLINIC.shortName}`, facts.name, [
    "Thanks for creating an account. Please confirm that this is your email address, so we know our appointment messages reach you:",
    { link: facts.link, label: "Confirm my email" },
    "The link works once and for 7 days. If you didn't create an account with us, you can ignore this message.",
  ]);
}
