// Doctors' clearances: staff (an admin for any client, a therapist for their own clients, the same
// scope as the client page and its notes) record that a doctor gave the go-ahead for one clearance
// question, list them, and revoke one. A clearance counts from the go-ahead's day to the end of its
// last valid day in the clinic's zone; a lapsed or revoked one no longer lets the client book online.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { InvalidTransition, NotFound } from "@/lib/errors/domain-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clientScopeOf } from "@/lib/clients/clients";
import type { StaffViewer } from "@/lib/auth/staff-viewer";
import { clinicDayBounds } from "@/lib/time/clinic-time";
import { clearanceQuestionLabel, type ClearanceInput } from "./clearance-schema";
import { getClinic } from "@/lib/clinic/get-clinic";

export const CLEARANCE_RECORDED_ACTION = "client.clearance_recorded";
export const CLEARANCE_REVOKED_ACTION = "client.clearance_revoked";

type ClearanceReader = Pick<Prisma.TransactionClient, "doctorClearance">;

/**
 * The screening questions this client is cleared for at `now`: recorded, not revoked, not lapsed.
 * The screening lets a "yes" to one of these go on instead of stopping for a doctor's go-ahead.
 */
export async function activeClearanceQuestionIds(
  db: ClearanceReader,
  clientId: string,
  now: Date,
): Promise<Set<string>> {
  const rows = await db.doctorClearance.findMany({
    where: { clientId, revokedAt: null, clearedOn: { lte: now }, validUntil: { gt: now } },
    select: { questionId: true },
  });
  return new Set(rows.map((row) => row.questionId));
}

/** The conditions a client's active go-ahead clears, for a page to screen with as the booking will. */
export async function clearedConditionsOf(clientId: string, now = new Date()): Promise<string[]> {
  return [...(await activeClearanceQuestionIds(prisma, clientId, now))];
}

export type ClearanceStatus = "active" | "lapsed" | "revoked";

export interface ClearanceView {
  id: string;
  questionId: string;
  question: string;
  clearedBy: string;
  clearedOn: Date;
  validUntil: Date;
  note: string | null;
  recordedByName: string;
  createdAt: Date;
  revokedAt: Date | null;
  revokedByName: string | null;
  status: ClearanceStatus;
}

async function assertClientVisible(viewer: StaffViewer, clientId: string): Promise<void> {
  const client = await prisma.user.findFirst({
    where: { id: clientId, ...clientScopeOf(viewer) },
    select: { id: true },
  });
  if (!client) throw new NotFound("We couldn't find that client.");
}

const nameOf = (user: { name: string | null; email: string } | null) => (user ? (user.name ?? user.email) : null);

/** Newest first; a client the viewer may not see is a NotFound. */
export async function listClearances(
  viewer: StaffViewer,
  clientId: string,
  now = new Date(),
): Promise<ClearanceView[]> {
  await assertClientVisible(viewer, clientId);
  const rows = await prisma.doctorClearance.findMany({
    where: { clientId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      questionId: true,
      clearedBy: true,
      clearedOn: true,
      validUntil: true,
      note: true,
      createdAt: true,
      revokedAt: true,
      recordedBy: { select: { name: true, email: true } },
      revokedBy: { select: { name: true, email: true } },
    },
  });
  return rows.map(({ recordedBy, revokedBy, ...row }) => ({
    ...row,
    question: clearanceQuestionLabel(row.questionId),
    recordedByName: nameOf(recordedBy) ?? "",
    revokedByName: nameOf(revokedBy),
    status: row.revokedAt ? "revoked" : row.validUntil.getTime() <= now.getTime() ? "lapsed" : "active",
  }));
}

/** Records a clearance (checked by clearanceInputSchema) with its audit entry, in one transaction. */
export async function recordClearance(viewer: StaffViewer, input: ClearanceInput): Promise<{ id: string }> {
  await assertClientVisible(viewer, input.clientId);
  const timeZone = getClinic().timeZone;
  return runTransaction(prisma, async (tx) => {
    const clearance = await tx.doctorClearance.create({
      data: {
        clientId: input.clientId,
        questionId: input.questionId,
        clearedBy: input.clearedBy,
        clearedOn: clinicDayBounds(input.clearedOn, timeZone).start,
        validUntil: clinicDayBounds(input.validUntil, timeZone).end,
        note: input.note,
        recordedById: viewer.userId,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: CLEARANCE_RECORDED_ACTION,
      entityType: "User",
      entityId: input.clientId,
      // Neither the condition nor the note: the log is shown to the client and read by staff.
      data: { clearanceId: clearance.id, validUntil: input.validUntil },
    });
    return clearance;
  });
}

/** Revokes a clearance still in force (a guarded update); revoking twice is an InvalidTransition. */
export async function revokeClearance(viewer: StaffViewer, clearanceId: string, now = new Date()): Promise<void> {
  const clearance = await prisma.doctorClearance.findUnique({
    where: { id: clearanceId },
    select: { clientId: true },
  });
  if (!clearance) throw new NotFound("We couldn't find that clearance.");
  await assertClientVisible(viewer, clearance.clientId);
  await runTransaction(prisma, async (tx) => {
    const revoked = await tx.doctorClearance.updateMany({
      where: { id: clearanceId, revokedAt: null },
      data: { revokedAt: now, revokedById: viewer.userId },
    });
    if (revoked.count !== 1) throw new InvalidTransition("This clearance was already revoked.");
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: CLEARANCE_REVOKED_ACTION,
      entityType: "User",
      entityId: clearance.clientId,
      data: { clearanceId },
    });
  });
}
