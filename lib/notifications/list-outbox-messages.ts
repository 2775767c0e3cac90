// The outbox as people read it: staff see every message (the "Sent email" view, with why a failed
// one failed), a client sees their own. A message that carries a private link (password reset,
// email verification or change, staff invitation) is listed without its body: the link would let
// whoever reads it act as the recipient, so it stays in the recipient's mailbox only.
import { prisma } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { EmailStatus } from "@/lib/generated/prisma/enums";

export const EMAIL_STATUSES = ["PENDING", "SENT", "FAILED"] as const satisfies readonly EmailStatus[];

export function isPrivateLinkTemplate(template: string): boolean {
  return template.startsWith("account-") || template.startsWith("staff-invite");
}

export interface OutboxMessageView {
  id: string;
  toAddress: string;
  subject: string;
  template: string;
  status: EmailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  /** The plain-text part, or null when the message holds a private link. */
  text: string | null;
  attachmentNames: string[];
}

const messageSelect = {
  id: true,
  toAddress: true,
  subject: true,
  template: true,
  status: true,
  attempts: true,
  lastError: true,
  createdAt: true,
  sentAt: true,
  text: true,
  attachments: true,
} as const satisfies Prisma.EmailOutboxSelect;

type MessageRow = Prisma.EmailOutboxGetPayload<{ select: typeof messageSelect }>;

function toView(row: MessageRow): OutboxMessageView {
  const attachments = Array.isArray(row.attachments) ? (row.attachments as { filename?: unknown }[]) : [];
  return {
    id: row.id,
    toAddress: row.toAddress,
    subject: row.subject,
    template: row.template,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    createdAt: row.createdAt,
    sentAt: row.sentAt,
    text: isPrivateLinkTemplate(row.template) ? null : row.text,
    attachmentNames: attachments.flatMap((item) => (typeof item.filename === "string" ? [item.filename] : [])),
  };
}

export const STAFF_EMAIL_PAGE_SIZE = 50;

/** The newest messages for staff, optionally of one status, with how many there are of each. */
export async function listOutboxMessages(filter: { status?: EmailStatus } = {}) {
  const [rows, counts] = await Promise.all([
    prisma.emailOutbox.findMany({
      where: filter.status ? { status: filter.status } : {},
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: STAFF_EMAIL_PAGE_SIZE,
      select: messageSelect,
    }),
    prisma.emailOutbox.groupBy({ by: ["status"], _count: { _all: true } }),
  ]);
  const countOf = (status: EmailStatus) => counts.find((count) => count.status === status)?._count._all ?? 0;
  return {
    messages: rows.map(toView),
    counts: { PENDING: countOf("PENDING"), SENT: countOf("SENT"), FAILED: countOf("FAILED") },
  };
}

/** A client's own messages, newest first. */
export async function listClientMessages(userId: string, limit = 100): Promise<OutboxMessageView[]> {
  const rows = await prisma.emailOutbox.findMany({
    where: { userId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: messageSelect,
  });
  return rows.map(toView);
}
