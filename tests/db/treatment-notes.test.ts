// Treatment notes: the first save writes version 1, an amendment keeps every earlier version, a stale
// editor is refused with the latest note (nothing overwritten), another therapist's visit is a
// NotFound, each view and save is audited without health text, and scores outside 0–10 are field errors.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { InvalidTransition, NotFound } from "@/lib/errors/domain-errors";
import {
  noteFieldErrors,
  treatmentNoteInputSchema,
  type TreatmentNoteRawInput,
} from "@/lib/clinical/treatment-note-schema";
import {
  NOTE_SAVED_ACTION,
  NOTE_VIEWED_ACTION,
  NoteChanged,
  getTreatmentNote,
  saveTreatmentNote,
} from "@/lib/clinical/treatment-notes";
import { CLIENT_RECORDS_VIEWED_ACTION, openClientRecords } from "@/lib/clinical/client-records";
import { getClientForStaff } from "@/lib/clients/clients";
import { ENGINE } from "../support/db-setup";
import { caught, createStaffScenario } from "../support/staff-scenario";

const blankCalf = {
  LEFT: { tension: "", swelling: "", tenderness: "" },
  RIGHT: { tension: "", swelling: "", tenderness: "" },
};

function noteInput(overrides: Partial<TreatmentNoteRawInput> = {}) {
  const parsed = treatmentNoteInputSchema.safeParse({
    subjective: "Heavy legs by evening.",
    objective: "Mild ankle puffiness.",
    assessment: "Fluid pooling after long standing.",
    plan: "Drainage strokes, legs raised; review in two weeks.",
    calf: {
      LEFT: { tension: "6", swelling: "3", tenderness: "2" },
      RIGHT: { tension: "5", swelling: "2", tenderness: "2" },
    },
    baseVersion: 0,
    ...overrides,
  });
  if (!parsed.success) throw new Error(JSON.stringify(noteFieldErrors(parsed.error)));
  return parsed.data;
}

async function checkedInScenario() {
  const s = await createStaffScenario();
  await prisma.booking.update({ where: { id: s.booking.id }, data: { status: "CHECKED_IN", checkedInAt: new Date() } });
  await prisma.booking.update({ where: { id: s.othersBooking.id }, data: { status: "CHECKED_IN" } });
  return s;
}

const auditOf = (bookingId: string, action: string) =>
  prisma.auditLog.findMany({ where: { entityId: bookingId, action }, orderBy: { createdAt: "asc" } });

describe(`treatment notes (${ENGINE})`, () => {
  it("writes version 1 with the calf records, and an amendment keeps both versions with author and reason", async () => {
    const s = await checkedInScenario();
    const first = await saveTreatmentNote({ actor: s.actors.therapist, bookingId: s.booking.id, note: noteInput() });
    expect(first.version).toBe(1);
    expect(first.calf).toEqual({
      LEFT: { tension: 6, swelling: 3, tenderness: 2 },
      RIGHT: { tension: 5, swelling: 2, tenderness: 2 },
    });

    await prisma.booking.update({ where: { id: s.booking.id }, data: { status: "COMPLETED" } });
    const amended = await saveTreatmentNote({
      actor: s.actors.admin,
      bookingId: s.booking.id,
      note: noteInput({
        plan: "Drainage strokes; review in one week.",
        calf: { LEFT: { tension: "4", swelling: "2", tenderness: "1" }, RIGHT: blankCalf.RIGHT },
        baseVersion: 1,
        reason: "Client rang: swelling eased.",
      }),
    });
    expect(amended.version).toBe(2);
    expect(amended.soap.plan).toBe("Drainage strokes; review in one week.");
    expect(amended.calf).toEqual({ LEFT: { tension: 4, swelling: 2, tenderness: 1 }, RIGHT: null });
    expect(amended.revisions.map((r) => [r.version, r.reason])).toEqual([
      [2, "Client rang: swelling eased."],
      [1, null],
    ]);
    expect(amended.revisions[1]?.soap.plan).toBe("Drainage strokes, legs raised; review in two weeks.");
    expect(amended.revisions[1]?.calf.RIGHT).toEqual({ tension: 5, swelling: 2, tenderness: 2 });
    expect(await prisma.calfRecord.count({ where: { bookingId: s.booking.id } })).toBe(1);

    const saves = await auditOf(s.booking.id, NOTE_SAVED_ACTION);
    expect(saves.map((entry) => [entry.actorId, (entry.data as { version: number }).version])).toEqual([
      [s.mine.userId, 1],
      [s.admin.id, 2],
    ]);
    // The audit log is read by staff and shown to clients: no note text, no scores.
    expect(JSON.stringify(saves.map((entry) => entry.data))).not.toMatch(/legs|swelling|tension|Drainage/i);
  });

  it("refuses a stale amendment with the latest note, and overwrites nothing", async () => {
    const s = await checkedInScenario();
    await saveTreatmentNote({ actor: s.actors.therapist, bookingId: s.booking.id, note: noteInput() });
    await saveTreatmentNote({
      actor: s.actors.admin,
      bookingId: s.booking.id,
      note: noteInput({ assessment: "Admin's amendment.", baseVersion: 1 }),
    });

    const error = await caught(
      saveTreatmentNote({
        actor: s.actors.therapist,
        bookingId: s.booking.id,
        note: noteInput({ assessment: "Therapist's edit of version 1.", baseVersion: 1 }),
      }),
    );
    expect(error).toBeInstanceOf(NoteChanged);
    expect((error as NoteChanged).latest.version).toBe(2);
    expect((error as NoteChanged).latest.soap.assessment).toBe("Admin's amendment.");
    expect((error as NoteChanged).message).toMatch(/someone else changed this note/i);

    const stored = await prisma.treatmentNote.findUniqueOrThrow({ where: { bookingId: s.booking.id } });
    expect([stored.version, stored.assessment]).toEqual([2, "Admin's amendment."]);
    expect(await prisma.treatmentNoteRevision.count({ where: { noteId: stored.id } })).toBe(2);

    // A second "first" save (someone opened the empty form earlier) is the same conflict.
    const late = await caught(saveTreatmentNote({ actor: s.actors.admin, bookingId: s.booking.id, note: noteInput() }));
    expect(late).toBeInstanceOf(NoteChanged);
  });

  it("gives a therapist NotFound for another therapist's visit, reading or writing, and records no view", async () => {
    const s = await checkedInScenario();
    await saveTreatmentNote({ actor: s.actors.admin, bookingId: s.othersBooking.id, note: noteInput() });

    expect(await caught(getTreatmentNote(s.actors.therapist, s.othersBooking.id))).toBeInstanceOf(NotFound);
    expect(
      await caught(
        saveTreatmentNote({
          actor: s.actors.therapist,
          bookingId: s.othersBooking.id,
          note: noteInput({ baseVersion: 1 }),
        }),
      ),
    ).toBeInstanceOf(NotFound);
    expect(await auditOf(s.othersBooking.id, NOTE_VIEWED_ACTION)).toEqual([]);
    const stored = await prisma.treatmentNote.findUniqueOrThrow({ where: { bookingId: s.othersBooking.id } });
    expect(stored.version).toBe(1);
  });

  it("records each view of a note (who, which client), and none for a visit without a note", async () => {
    const s = await checkedInScenario();
    const empty = await getTreatmentNote(s.actors.therapist, s.booking.id);
    expect([empty.note, empty.writable]).toEqual([null, true]);
    expect(await auditOf(s.booking.id, NOTE_VIEWED_ACTION)).toEqual([]);

    await saveTreatmentNote({ actor: s.actors.therapist, bookingId: s.booking.id, note: noteInput() });
    await getTreatmentNote(s.actors.therapist, s.booking.id);
    await getTreatmentNote(s.actors.admin, s.booking.id);
    const views = await auditOf(s.booking.id, NOTE_VIEWED_ACTION);
    expect(views.map((view) => [view.actorId, view.entityType])).toEqual([
      [s.mine.userId, "Booking"],
      [s.admin.id, "Booking"],
    ]);
    expect(views[0]?.data).toEqual({ clientId: s.client.id, version: 1 });
  });

  it("refuses a note for a visit that has not started (409), writing nothing", async () => {
    const s = await createStaffScenario();
    const error = await caught(
      saveTreatmentNote({ actor: s.actors.therapist, bookingId: s.booking.id, note: noteInput() }),
    );
    expect(error).toBeInstanceOf(InvalidTransition);
    expect((error as InvalidTransition).message).toMatch(/once the client has checked in/);
    expect(await prisma.treatmentNote.count({ where: { bookingId: s.booking.id } })).toBe(0);
    expect((await getTreatmentNote(s.actors.therapist, s.booking.id)).writable).toBe(false);
  });

  it("turns scores outside 0–10, fractions and half-filled sides into field errors", () => {
    const result = treatmentNoteInputSchema.safeParse({
      subjective: "x",
      objective: "",
      assessment: "",
      plan: "",
      calf: {
        LEFT: { tension: "11", swelling: "-1", tenderness: "2.5" },
        RIGHT: { tension: "4", swelling: "", tenderness: "" },
      },
      baseVersion: "0",
    });
    expect(result.success).toBe(false);
    const fields = noteFieldErrors(result.error!);
    expect(fields).toEqual({
      "calf.LEFT.tension": ["Enter a whole number from 0 to 10."],
      "calf.LEFT.swelling": ["Enter a whole number from 0 to 10."],
      "calf.LEFT.tenderness": ["Enter a whole number from 0 to 10."],
      "calf.RIGHT.swelling": ["Score all three for the right calf, or leave all three blank."],
      "calf.RIGHT.tenderness": ["Score all three for the right calf, or leave all three blank."],
    });
    const emptyNote = treatmentNoteInputSchema.safeParse({
      subjective: " ",
      objective: "",
      assessment: "",
      plan: "",
      calf: blankCalf,
      baseVersion: 0,
    });
    expect(emptyNote.success ? {} : noteFieldErrors(emptyNote.error)).toEqual({
      subjective: ["Write at least one part of the note."],
    });
  });

  it("opens a client's notes and calf trend (the viewer's own visits for a therapist) and records the view", async () => {
    const s = await checkedInScenario();
    await saveTreatmentNote({ actor: s.actors.therapist, bookingId: s.booking.id, note: noteInput() });
    // The same client seen by the other therapist: an admin sees both visits, Maya only hers.
    const elsewhere = await prisma.booking.update({
      where: { id: s.othersBooking.id },
      data: { clientId: s.client.id },
    });
    await saveTreatmentNote({
      actor: s.actors.admin,
      bookingId: elsewhere.id,
      note: noteInput({ plan: "Other visit." }),
    });

    const therapist = await s.viewers.therapist();
    const own = await openClientRecords(therapist, await getClientForStaff(therapist, s.client.id));
    expect(own.visits.map((v) => v.bookingId)).toEqual([s.booking.id]);
    expect(own.trend[0]?.calf.LEFT).toEqual({ tension: 6, swelling: 3, tenderness: 2 });

    const admin = await s.viewers.admin();
    const all = await openClientRecords(admin, await getClientForStaff(admin, s.client.id));
    expect(all.visits).toHaveLength(2);

    const views = await prisma.auditLog.findMany({
      where: { entityId: s.client.id, action: CLIENT_RECORDS_VIEWED_ACTION },
      orderBy: { createdAt: "asc" },
    });
    expect(views.map((view) => [view.actorId, view.entityType])).toEqual([
      [s.mine.userId, "User"],
      [s.admin.id, "User"],
    ]);
  });
});
