// Where outbox messages go. With SMTP_URL: an SMTP server, through nodemailer. Without it (the
// embedded default): nowhere; "delivering" a message marks it sent, and it stays readable in the
// outbox table, which staff and each client read as their sent mail.
import nodemailer from "nodemailer";
import { getClinic } from "@/lib/clinic/get-clinic";
import { getEnv } from "@/lib/env";
import type { EmailAttachment } from "./enqueue-email";

export interface OutboxMessage {
  id: string;
  toAddress: string;
  subject: string;
  text: string;
  html: string | null;
  attachments?: unknown;
}

/** The attachments column as written by enqueueEmail; anything else in it is ignored. */
export function attachmentsOf(message: Pick<OutboxMessage, "attachments">): EmailAttachment[] {
  // A raw query may hand the jsonb column back as text.
  const value =
    typeof message.attachments === "string" ? (JSON.parse(message.attachments) as unknown) : message.attachments;
  if (!Array.isArray(value)) return [];
  return value.filter(
    (item): item is EmailAttachment =>
      typeof item === "object" &&
      item !== null &&
      typeof (item as EmailAttachment).filename === "string" &&
      typeof (item as EmailAttachment).contentType === "string" &&
      typeof (item as EmailAttachment).content === "string",
  );
}

export interface EmailTransport {
  kind: "smtp" | "outbox";
  send(message: OutboxMessage): Promise<void>;
  close(): void;
}

export const outboxOnlyTransport: EmailTransport = {
  kind: "outbox",
  async send() {},
  close() {},
};

// A hung server gives up after this; meanwhile deliver-outbox.ts renews the message's lease, so no
// second worker claims a message that this one may still be sending.
const SMTP_TIMEOUT_MS = 30_000;

export function createSmtpTransport(smtpUrl: string, from?: string): EmailTransport {
  const transporter = nodemailer.createTransport(smtpUrl, {
    from: from ?? `${getClinic().name} <${getClinic().email}>`,
    connectionTimeout: SMTP_TIMEOUT_MS,
    greetingTimeout: SMTP_TIMEOUT_MS,
    socketTimeout: SMTP_TIMEOUT_MS,
  });
  const domain = (from ?? getClinic().email).replace(/.*@/, "").replace(/>.*$/, "");
  return {
    kind: "smtp",
    async send(message) {
      await transporter.sendMail({
        to: message.toAddress,
        subject: message.subject,
        text: message.text,
        html: message.html ?? undefined,
        // A calendar file goes as its own part with its method in the content type
        // ("text/calendar; method=REQUEST"), which is how mail clients recognise an event update.
        attachments: attachmentsOf(message).map((attachment) => ({
          filename: attachment.filename,
          content: attachment.content,
          contentType: attachment.contentType,
        })),
        // Stable per outbox row: a resend after a crash is recognisable as the same message.
        messageId: `<outbox-${message.id}@${domain}>`,
      });
    },
    close() {
      transporter.close();
    },
  };
}

/** Why a send failed, for staff: the SMTP code and reply, never the SMTP_URL or its password. */
export function describeSendError(error: unknown, smtpUrl?: string): string {
  const details = (error ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown; message?: unknown };
  const parts = [
    typeof details.code === "string" ? details.code : undefined,
    typeof details.responseCode === "number" ? String(details.responseCode) : undefined,
    typeof details.response === "string"
      ? details.response
      : typeof details.message === "string"
        ? details.message
        : String(error),
  ].filter((part): part is string => part !== undefined);
  let text = parts.join(": ");
  if (smtpUrl) {
    const { password } = new URL(smtpUrl);
    for (const secret of [smtpUrl, password, decodeURIComponent(password)]) {
      if (secret) text = text.split(secret).join("***");
    }
  }
  return text.slice(0, 500);
}

const globalForTransport = globalThis as typeof globalThis & { __clinicEmailTransport?: EmailTransport };

export function getEmailTransport(): EmailTransport {
  const env = getEnv();
  globalForTransport.__clinicEmailTransport ??= env.SMTP_URL
    ? createSmtpTransport(env.SMTP_URL, env.EMAIL_FROM)
    : outboxOnlyTransport;
  return globalForTransport.__clinicEmailTransport;
}
