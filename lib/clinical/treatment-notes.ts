// SOAP treatment notes and calf records, one note per visit, every save a revision. An amendment names
// the version it started from, so a stale one is refused (NoteChanged, 409) rather than silently
// overwriting a colleague. Each view and save is audited, without health text.
import { HEALTH_DATA_VIEW_ACTIONS } from "@/lib/audit/health-data-views";
import { recordAudit } from "@/lib/audit/record-audit";
import { staffBookingScope } from "@/lib/booking/apply-staff-transition";
import type { Actor } from "@/lib/auth/actor";
import type { BookingStatus } from "@/lib/booking/status";
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { runTransaction } from "@/lib/db/transaction";
import { DomainError, InvalidTransition, NotFound } from "@/lib/errors/domain-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import {
  CALF_MEASURES,
  CALF_SIDES,
  type CalfRecords,
  type CalfScores,
  type SoapField,
  type TreatmentNoteInput,
} from "./treatment-note-schema";

export const NOTE_VIEWED_ACTION = HEALTH_DATA_VIEW_ACTIONS.treatmentNote;
export const NOTE_SAVED_ACTION = "booking.treatment_note_saved";

/** The visits a note may be written (or amended) for: the client came. */
export const NOTE_STATUSES: readonly BookingStatus[] = ["CHECKED_IN", "COMPLETED"];

export interface NoteRevisionView {
  version: number;
  authorName: string;
  createdAt: Date;
  reason: string | null;
  soap: Record<SoapField, string>;
  calf: CalfRecords;
}

export interface TreatmentNoteView {
  version: number;
  soap: Record<SoapField, string>;
  calf: CalfRecords;
  authorName: string;
  updatedAt: Date;
  /** Newest first. */
  revisions: NoteRevisionView[];
}

export interface VisitNote {
  bookingId: string;
  status: BookingStatus;
  /** Whether a note may be written or amended now. */
  writable: boolean;
  note: TreatmentNoteView | null;
}

/** Someone saved the note after this editor opened it: nothing was written; here is the latest. */
export class NoteChanged extends DomainError {
  override name = "NoteChanged";
  constructor(readonly latest: TreatmentNoteView) {
    super(
      "invalid_transition",
      `Someone else changed this note (now version ${latest.version}) while you were editing. Here is the latest; your text is kept in the form, so you can compare and save again.`,
    );
  }
}

const NOT_WRITABLE_MESSAGE =
  "A treatment note can be written once the client has checked in (and amended after the visit is completed).";

const noteSelect = {
  version: true,
  subjective: true,
  objective: true,
  assessment: true,
  plan: true,
  updatedAt: true,
  author: { select: { name: true, email: true } },
  revisions: {
    orderBy: { version: "desc" },
    select: {
      version: true,
      subjective: true,
      objective: true,
      assessment: true,
      plan: true,
      calfRecords: true,
      reason: true,
      createdAt: true,
      author: { select: { name: true, email: true } },
    },
  },
} satisfies Prisma.TreatmentNoteSelect;

type NoteRow = Prisma.TreatmentNoteGetPayload<{ select: typeof noteSelect }>;
type CalfRow = { side: string } & CalfScores;

type Reader = Pick<Prisma.TransactionClient, "treatmentNote" | "calfRecord">;

const nameOf = (person: { name: string | null; email: string }) => person.name ?? person.email;

function calfRecordsOf(rows: CalfRow[]): CalfRecords {
  const scores = (side: string): CalfScores | null => {
    const row = rows.find((r) => r.side === side);
    return row ? { tension: row.tension, swelling: row.swelling, tenderness: row.tenderness } : null;
  };
  return { LEFT: scores("LEFT"), RIGHT: scores("RIGHT") };
}

/** The calf records a revision stored as JSON, read back defensively (an unreadable side is blank). */
export function parseStoredCalfRecords(value: Prisma.JsonValue): CalfRecords {
  const object = value && typeof value === "object" && !Array.isArray(value) ? value : {};
  const side = (key: string): CalfScores | null => {
    const raw = (object as Record<string, unknown>)[key];
    if (!raw || typeof raw !== "object") return null;
    const scores = raw as Record<string, unknown>;
    return CALF_MEASURES.every((m) => Number.isInteger(scores[m]))
      ? {
          tension: scores.tension as number,
          swelling: scores.swelling as number,
          tenderness: scores.tenderness as number,
        }
      : null;
  };
  return { LEFT: side("LEFT"), RIGHT: side("RIGHT") };
}

function toNoteView(row: NoteRow, calf: CalfRow[]): TreatmentNoteView {
  return {
    version: row.version,
    soap: { subjective: row.subjective, objective: row.objective, assessment: row.assessment, plan: row.plan },
    calf: calfRecordsOf(calf),
    authorName: nameOf(row.author),
    updatedAt: row.updatedAt,
    revisions: row.revisions.map((revision) => ({
      version: revision.version,
      authorName: nameOf(revision.author),
      createdAt: revision.createdAt,
      reason: revision.reason,
      soap: {
        subjective: revision.subjective,
        objective: revision.objective,
        assessment: revision.assessment,
        plan: revision.plan,
      },
      calf: parseStoredCalfRecords(revision.calfRecords),
    })),
  };
}

async function readNote(db: Reader, bookingId: string): Promise<TreatmentNoteView | null> {
  const row = await db.treatmentNote.findUnique({ where: { bookingId }, select: noteSelect });
  if (!row) return null;
  const calf = await db.calfRecord.findMany({
    where: { bookingId },
    select: { side: true, tension: true, swelling: true, tenderness: true },
  });
  return toNoteView(row, calf);
}

async function readSavedNote(db: Reader, bookingId: string): Promise<TreatmentNoteView> {
  const note = await readNote(db, bookingId);
  if (!note) throw new Error(`treatment note of booking ${bookingId} vanished inside its transaction`);
  return note;
}

/**
 * The note of one visit, for a staff member who may see the visit (else NotFound). Showing an
 * existing note is a view of health data: it writes an audit entry naming who looked.
 */
export async function getTreatmentNote(actor: Actor, bookingId: string): Promise<VisitNote> {
  const booking = await prisma.booking.findFirst({
    where: staffBookingScope(actor, bookingId),
    select: { id: true, status: true, clientId: true },
  });
  if (!booking) throw new NotFound("We couldn't find that appointment.");
  const note = await readNote(prisma, booking.id);
  if (note) {
    await recordAudit(prisma, {
      actorId: actor.id,
      action: NOTE_VIEWED_ACTION,
      entityType: "Booking",
      entityId: booking.id,
      data: { clientId: booking.clientId, version: note.version },
    });
  }
  return { bookingId: booking.id, status: booking.status, writable: NOTE_STATUSES.includes(booking.status), note };
}

const calfJson = (calf: CalfRecords): Prisma.InputJsonValue => ({ LEFT: calf.LEFT, RIGHT: calf.RIGHT });

/**
 * Saves a note: the first version, or an amendment of `input.baseVersion`. Returns the note as saved.
 * NotFound for a visit the actor may not see, InvalidTransition (409) for a visit that did not take
 * place, NoteChanged (409) when the note moved on since the editor opened it.
 */
export async function saveTreatmentNote(input: {
  actor: Actor;
  bookingId: string;
  note: TreatmentNoteInput;
}): Promise<TreatmentNoteView> {
  const { actor, note } = input;
  try {
    return await runTransaction(prisma, async (tx) => {
      const booking = await tx.booking.findFirst({
        where: staffBookingScope(actor, input.bookingId),
        select: { id: true, status: true, clientId: true },
      });
      if (!booking) throw new NotFound("We couldn't find that appointment.");
      if (!NOTE_STATUSES.includes(booking.status)) throw new InvalidTransition(NOT_WRITABLE_MESSAGE);

      const existing = await tx.treatmentNote.findUnique({
        where: { bookingId: booking.id },
        select: { id: true, version: true },
      });
      let noteId: string;
      let version: number;
      if (!existing) {
        // Someone's amendment of a note that does not exist cannot be applied: the form is stale.
        if (note.baseVersion !== 0)
          throw new InvalidTransition("This note could not be found any more. Reload the page.");
        version = 1;
        noteId = (
          await tx.treatmentNote.create({
            data: { bookingId: booking.id, authorId: actor.id, ...note.soap, version },
            select: { id: true },
          })
        ).id;
      } else {
        if (note.baseVersion !== existing.version) throw new NoteChanged(await readSavedNote(tx, booking.id));
        version = existing.version + 1;
        // Guarded on the version the editor started from: of two amendments at once, one wins.
        const changed = await tx.treatmentNote.updateMany({
          where: { id: existing.id, version: note.baseVersion },
          data: { ...note.soap, authorId: actor.id, version },
        });
        if (changed.count !== 1) throw new NoteChanged(await readSavedNote(tx, booking.id));
        noteId = existing.id;
      }

      for (const side of CALF_SIDES) {
        const scores = note.calf[side];
        if (scores) {
          await tx.calfRecord.upsert({
            where: { bookingId_side: { bookingId: booking.id, side } },
            create: { bookingId: booking.id, side, ...scores },
            update: scores,
          });
        } else {
          await tx.calfRecord.deleteMany({ where: { bookingId: booking.id, side } });
        }
      }
      await tx.treatmentNoteRevision.create({
        data: {
          noteId,
          version,
          authorId: actor.id,
          ...note.soap,
          calfRecords: calfJson(note.calf),
          reason: version > 1 ? (note.reason ?? null) : null,
        },
      });
      // Who saved which version, never what it says: the audit log is shown to clients and staff.
      await recordAudit(tx, {
        actorId: actor.id,
        action: NOTE_SAVED_ACTION,
        entityType: "Booking",
        entityId: booking.id,
        data: { clientId: booking.clientId, version, amendment: version > 1 },
      });
      return readSavedNote(tx, booking.id);
    });
  } catch (error) {
    // Two first saves at once: the unique note per visit let one through; the other sees its note.
    if (isUniqueViolation(error)) {
      const latest = await readNote(prisma, input.bookingId);
      if (latest) throw new NoteChanged(latest);
    }
    throw error;
  }
}
