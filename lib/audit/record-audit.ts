// The audit log: who did what to which record. Written with the transaction client of the change it
// describes, so the entry and the change commit or roll back together.
import { randomUUID } from "node:crypto";
import { sql, type Sql } from "@/lib/db/sql";
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

/**
 * The same entries written with plain SQL (lib/db/sql.ts), in one statement however many: for the
 * booking path's transaction on the driver, or any Sql (prismaSql(tx) inside a Prisma transaction).
 */
export async function recordAuditEntries(db: Sql, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.query(sql`
    INSERT INTO "AuditLog" ("id", "actorId", "action", "entityType", "entityId", "data", "createdAt")
    SELECT e."id", e."actorId", e."action", e."entityType", e."entityId", e."data", now()
    FROM unnest(${entries.map(() => randomUUID())}::text[], ${entries.map((entry) => entry.actorId)}::text[],
      ${entries.map((entry) => entry.action)}::text[], ${entries.map((entry) => entry.entityType)}::text[],
      ${entries.map((entry) => entry.entityId)}::text[],
      ${entries.map((entry) => (entry.data === undefined ? null : JSON.stringify(entry.data)))}::jsonb[])
      AS e("id", "actorId", "action", "entityType", "entityId", "data")`);
}
