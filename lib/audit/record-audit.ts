// The audit log: who did what to which record. Written with the transaction client of the change it
// describes, so the entry and the change commit or roll back together.
import type { Prisma } from "@/lib/generated/prisma/client";

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  // Never health answers, passwords or tokens: the log is read by staff and shown to clients.
  data?: Prisma.InputJsonValue;
}

export type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">;

export async function recordAudit(tx: AuditWriter, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: entry });
}
