// The account messages: password reset, password changed, email change and email verification, in
// the clinic's email frame (block-message.tsx), each with an HTML and a plain-text part. Links carry
// a single-use token: they appear in the message only, never in logs or audit entries, and the
// "Sent email" and "Your messages" views list these messages without their text.
import { getClinic } from "@/lib/clinic/get-clinic";
import { renderBlockMessage } from "./block-message";
import type { RenderedEmail } from "./render-email";

export type AccountMessage = RenderedEmail;

interface Recipient {
  name: string | null;
}

const NOT_YOU = `If this wasn't you, call us on ${getClinic().phoneDisplay} and we'll help you secure your account.`;

export function passwordResetMessage(facts: Recipient & { link: string }): Promise<AccountMessage> {
  return renderBlockMessage({
    template: "account-password-reset",
    subject: `Reset your ${getClinic().shortName} password`,
    heading: "Choose a new password",
    name: facts.name,
    blocks: [
      "Someone asked to reset the password of your account. To choose a new password, open this link:",
      { link: facts.link, label: "Choose a new password" },
      "The link works once and for one hour. Choosing a new password signs you out on every device.",
      "If you didn't ask for this, you can ignore this message: your password stays as it is.",
    ],
  });
}

export function passwordChangedMessage(facts: Recipient & { byReset: boolean }): Promise<AccountMessage> {
  return renderBlockMessage({
    template: "account-password-changed",
    subject: `Your ${getClinic().shortName} password was changed`,
    heading: "Your password was changed",
    name: facts.name,
    blocks: [
      facts.byReset
        ? "Your password was just reset with a link we emailed you, and every device signed in to your account was signed out."
        : "Your password was just changed from your account, and your other devices were signed out.",
      NOT_YOU,
    ],
  });
}

export function twoFactorPausedMessage(facts: Recipient & { minutes: number }): Promise<AccountMessage> {
  return renderBlockMessage({
    template: "account-two-factor-paused",
    subject: `Two-factor sign-in to ${getClinic().shortName} is paused for ${facts.minutes} minutes`,
    heading: "Several wrong two-factor codes",
    name: facts.name,
    blocks: [
      `Someone entered your password correctly and then several wrong codes from your authenticator app. To keep your account safe, two-factor sign-in is paused for ${facts.minutes} minutes.`,
      "If that was you, wait and try again with the code your app shows, or one of your recovery codes. If it was not you, your password is known to someone else: change it as soon as you can, and tell the clinic's admin.",
    ],
  });
}

export function recoveryCodesReplacedMessage(facts: Recipient & { link: string }): Promise<AccountMessage> {
  return renderBlockMessage({
    template: "account-recovery-codes-replaced",
    subject: `Your ${getClinic().shortName} recovery codes were replaced`,
    heading: "Your recovery codes were replaced",
    name: facts.name,
    blocks: [
      "You just signed in to the staff area. The recovery codes you saved when you set up two-factor sign-in were of an older, shorter kind, so we have turned them off: they no longer work.",
      "Please generate new ones on the Security page, with a code from your authenticator app, and keep them somewhere safe:",
      { link: facts.link, label: "Open the Security page" },
      "If you no longer have your authenticator app, turn two-factor sign-in off on that page with your password and set it up again.",
      NOT_YOU,
    ],
  });
}

export function emailChangeConfirmMessage(
  facts: Recipient & { link: string; newEmail: string },
): Promise<AccountMessage> {
  return renderBlockMessage({
    template: "account-email-change-confirm",
    subject: `Confirm your new email for ${getClinic().shortName}`,
    heading: "Confirm your new email address",
    // Sent to an address not yet confirmed: it does not repeat the name (see emailVerificationMessage).
    name: null,
    blocks: [
      `You asked to use ${facts.newEmail} for your account. To confirm, open this link:`,
      { link: facts.link, label: "Confirm this email address" },
      "The link works once and for 24 hours. Until you confirm, we keep using your current address.",
      "If you didn't ask for this, you can ignore this message.",
    ],
  });
}

export function emailChangeRequestedMessage(facts: Recipient & { newEmail: string }): Promise<AccountMessage> {
  return renderBlockMessage({
    template: "account-email-change-requested",
    subject: `A change of email was requested for your ${getClinic().shortName} account`,
    heading: "A change of email was requested",
    name: facts.name,
    blocks: [
      `Someone signed in to your account asked to use ${facts.newEmail} instead of this address. Nothing changes until the link we sent to the new address is followed.`,
      NOT_YOU,
    ],
  });
}

export function emailChangedMessage(facts: Recipient & { newEmail: string }): Promise<AccountMessage> {
  return renderBlockMessage({
    template: "account-email-changed",
    subject: `Your ${getClinic().shortName} account now uses another email`,
    heading: "Your account uses a new email address",
    name: facts.name,
    blocks: [
      `Your account's email is now ${facts.newEmail}. We'll send messages about your appointments there from now on.`,
      NOT_YOU,
    ],
  });
}

export function emailVerificationMessage(facts: Recipient & { link: string }): Promise<AccountMessage> {
  return renderBlockMessage({
    template: "account-email-verification",
    subject: `Confirm your email for ${getClinic().shortName}`,
    heading: "Confirm your email address",
    // Nobody has shown yet that this address belongs to whoever typed the name: a stranger could
    // sign up with someone else's address and a "name" written to read as the clinic's words.
    name: null,
    blocks: [
      "Thanks for creating an account. Please confirm that this is your email address, so we know our appointment messages reach you:",
      { link: facts.link, label: "Confirm my email" },
      "Once it is confirmed, sign in with the password you chose. The link works once and for 7 days. If you didn't create an account with us, you can ignore this message.",
    ],
  });
}

export function signUpAttemptMessage(
  facts: Recipient & { signInLink: string; resetLink: string },
): Promise<AccountMessage> {
  return renderBlockMessage({
    template: "account-sign-up-attempt",
    subject: `Someone tried to create a ${getClinic().shortName} account with your email`,
    heading: "You already have an account",
    name: facts.name,
    // Nothing the person at the form typed (their name, their password) goes into this message: it
    // reaches the address's owner, who may not be them.
    blocks: [
      "Someone just tried to create a new account with this email address. It already has an account with us, so nothing was created and nothing changed.",
      "If that was you, sign in with your password:",
      { link: facts.signInLink, label: "Sign in" },
      "If you don't remember your password, choose a new one:",
      { link: facts.resetLink, label: "Reset my password" },
      `If it wasn't you, you can ignore this message: your account stays as it is. ${NOT_YOU}`,
    ],
  });
}

export function emailChangeAddressInUseMessage(facts: Recipient & { signInLink: string }): Promise<AccountMessage> {
  return renderBlockMessage({
    template: "account-email-change-address-in-use",
    subject: `Someone asked to use your email for another ${getClinic().shortName} account`,
    heading: "Your email is already in use",
    name: facts.name,
    blocks: [
      "Someone signed in to another account with us asked to move it to this email address. This address already belongs to your account, so nothing was changed: your account, its email and its password stay as they are.",
      "If that was you and you want one account, sign in to this one and call us: we can help you bring your visits together.",
      { link: facts.signInLink, label: "Sign in" },
      `If it wasn't you, you can ignore this message. ${NOT_YOU}`,
    ],
  });
}
