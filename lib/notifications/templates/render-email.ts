// Turns a message component into what the outbox stores: the HTML, and a plain-text part made from
// that same HTML (so the two never say different things). A template that throws must never stop
// the change that sends it (a booking, a cancellation): the caller gets a short plain message that
// points to the account instead, and the failure is logged for us to fix.
import { render, toPlainText } from "@react-email/components";
import type { ReactElement } from "react";
import { getClinic } from "@/lib/clinic/get-clinic";

export interface RenderedEmail {
  subject: string;
  text: string;
  html?: string;
}

export interface EmailContent {
  subject: string;
  body: ReactElement;
}

/**
 * `fallback` is the app's address, for the generic "see your account" message, or a message of its
 * own for one that must keep its content even unrendered (an account link, say).
 */
export async function renderEmail(
  template: string,
  build: () => EmailContent,
  fallback: string | (() => RenderedEmail),
): Promise<RenderedEmail> {
  try {
    const { subject, body } = build();
    const html = await render(body);
    return { subject, html, text: toPlainText(html) };
  } catch (error) {
    console.warn(
      `[email] the ${template} template failed; a plain message is sent instead:`,
      error instanceof Error ? error.message : String(error),
    );
    return typeof fallback === "string" ? fallbackEmail(fallback) : fallback();
  }
}

export function fallbackEmail(appUrl: string): RenderedEmail {
  return {
    subject: `A message from ${getClinic().name}`,
    text: [
      "Hello,",
      "",
      "There is news about your appointment or account with us, but this message could not be put together in full.",
      `Please sign in at ${appUrl.replace(/\/$/, "")}/account to see the details, or call us on ${getClinic().phoneDisplay}.`,
      "",
      getClinic().name,
      `${getClinic().address}`,
      getClinic().phoneDisplay,
    ].join("\n"),
  };
}
