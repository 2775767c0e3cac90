"use server";

// Check-in, complete, no-show, cancel and reschedule for one appointment. Guard (its entry in
// lib/auth/staff-routes.ts) → safeParse → domain call → a result the form shows. Whatever happens the
// page is revalidated, so the person who lost a race sees the message and the state the winner left.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordId } from "@/lib/forms/record-id";
import { plainText } from "@/lib/forms/text";
import type { Actor } from "@/lib/auth/actor";
import type { BookingView } from "@/lib/booking/booking-view";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { checkInBooking } from "@/lib/booking/check-in-booking";
import { completeBooking } from "@/lib/booking/complete-booking";
import { markNoShow } from "@/lib/booking/mark-no-show";
import { rescheduleBooking } from "@/lib/booking/reschedule-booking";
import { SlotTaken, Unprocessable } from "@/lib/errors/domain-errors";
import { formatMoney } from "@/lib/money";
import { recordDeskPayment } from "@/lib/payments/record-desk-payment";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import type { StaffRouteKey } from "@/lib/auth/staff-routes";
import { noteFieldErrors, readCalfForm, treatmentNoteInputSchema } from "@/lib/clinical/treatment-note-schema";
import { NoteChanged, saveTreatmentNote, type TreatmentNoteView } from "@/lib/clinical/treatment-notes";
import { formatClinicDateTime } from "@/lib/time/clinic-time";
import {
  field,
  filledField,
  toActionState,
  type ActionState,
  type TreatmentNoteFormState,
} from "@/lib/forms/action-state";
import type { NoteSnapshot } from "@/lib/clinical/treatment-note-schema";
import { getClinic } from "@/lib/clinic/get-clinic";

export interface TransitionState {
  ok: boolean;
  message?: string;
  formError?: string;
}

const inputSchema = z.object({ bookingId: recordId() });

type Transition = (input: { bookingId: string; actor: Actor }) => Promise<BookingView>;

async function runTransition(
  key: StaffRouteKey,
  transition: Transition,
  done: string,
  formData: FormData,
): Promise<TransitionState> {
  const user = await requireStaffRoute(key);
  const parsed = inputSchema.safeParse({ bookingId: formData.get("bookingId") });
  if (!parsed.success) return { ok: false, formError: "That appointment could not be read. Reload the page." };
  try {
    await transition({ bookingId: parsed.data.bookingId, actor: { id: user.id, role: user.role } });
    return { ok: true, message: done };
  } catch (error) {
    return toActionState(error);
  } finally {
    revalidatePath(`/staff/appointments/${parsed.data.bookingId}`);
  }
}

export async function checkInAction(previous: TransitionState, formData: FormData): Promise<TransitionState> {
  return unlessDatabaseUnavailable(checkInActionWork(previous, formData));
}

async function checkInActionWork(_previous: TransitionState, formData: FormData): Promise<TransitionState> {
  return runTransition("action:checkInAction", checkInBooking, "Checked in.", formData);
}

export async function completeVisitAction(previous: TransitionState, formData: FormData): Promise<TransitionState> {
  return unlessDatabaseUnavailable(completeVisitActionWork(previous, formData));
}

async function completeVisitActionWork(_previous: TransitionState, formData: FormData): Promise<TransitionState> {
  return runTransition("action:completeVisitAction", completeBooking, "Visit completed.", formData);
}

export async function markNoShowAction(previous: TransitionState, formData: FormData): Promise<TransitionState> {
  return unlessDatabaseUnavailable(markNoShowActionWork(previous, formData));
}

async function markNoShowActionWork(_previous: TransitionState, formData: FormData): Promise<TransitionState> {
  return runTransition("action:markNoShowAction", markNoShow, "Marked as a no-show.", formData);
}

export async function recordDeskPaymentAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return unlessDatabaseUnavailable(recordDeskPaymentActionWork(previous, formData));
}

async function recordDeskPaymentActionWork(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireStaffRoute("action:recordDeskPaymentAction");
  const parsed = inputSchema.safeParse({ bookingId: formData.get("bookingId") });
  if (!parsed.success) return { ok: false, formError: "That appointment could not be read. Reload the page." };
  try {
    const payment = await recordDeskPayment({
      bookingId: parsed.data.bookingId,
      actor: { id: user.id, role: user.role },
    });
    return { ok: true, message: `${formatMoney(payment.amountCents, payment.currency)} recorded as paid at the desk.` };
  } catch (error) {
    return toActionState(error);
  } finally {
    revalidatePath(`/staff/appointments/${parsed.data.bookingId}`);
  }
}

const appointmentPath = (id: string) => `/staff/appointments/${encodeURIComponent(id)}`;

const bookingIdSchema = recordId();
const reasonSchema = plainText({ max: 500, multiline: true }).optional();

// A typed amount in the currency's main unit ("40", "40.5", "40.00") to cents; whether it is more
// than is left to refund is the domain's rule (a 422), not the form's.
const amountSchema = z
  .string({ error: "Enter the amount to refund." })
  .trim()
  .regex(/^\d{1,6}(\.\d{1,2})?$/, "Enter an amount such as 40 or 40.00.")
  .transform((value) => Math.round(Number(value) * 100));

const cancelSchema = z.discriminatedUnion("refund", [
  z.object({ bookingId: bookingIdSchema, refund: z.literal("policy"), reason: reasonSchema }),
  z.object({ bookingId: bookingIdSchema, refund: z.literal("amount"), amount: amountSchema, reason: reasonSchema }),
]);

export async function cancelAppointmentAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return unlessDatabaseUnavailable(cancelAppointmentActionWork(previous, formData));
}

async function cancelAppointmentActionWork(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireStaffRoute("action:cancelAppointmentAction");
  const parsed = cancelSchema.safeParse({
    bookingId: filledField(formData, "bookingId"),
    refund: filledField(formData, "refund"),
    amount: filledField(formData, "amount"),
    reason: filledField(formData, "reason"),
  });
  if (!parsed.success) {
    const fields: Record<string, string[] | undefined> = z.flattenError(parsed.error).fieldErrors;
    if (fields.amount) return { ok: false, fieldErrors: { amount: fields.amount } };
    if (fields.reason) return { ok: false, formError: fields.reason.join(" ") };
    return { ok: false, formError: "That cancellation could not be read. Reload the page." };
  }
  const input = parsed.data;
  try {
    const { booking, refundCents } = await cancelBooking({
      bookingId: input.bookingId,
      actor: { id: user.id, role: user.role },
      reason: input.reason,
      refundOverrideCents: input.refund === "amount" ? input.amount : undefined,
    });
    return {
      ok: true,
      message:
        refundCents > 0
          ? `Cancelled with a refund of ${formatMoney(refundCents, booking.currency)}, the way the client paid (to their card, or back at the desk for a desk payment). They have been emailed.`
          : "Cancelled without a refund. The client has been emailed.",
    };
  } catch (error) {
    // More than is left to refund (422): the domain's words, under the amount typed.
    if (error instanceof Unprocessable && input.refund === "amount" && error.fields) {
      return { ok: false, fieldErrors: { amount: [error.message] } };
    }
    return toActionState(error);
  } finally {
    revalidatePath(appointmentPath(input.bookingId));
  }
}

const rescheduleSchema = z.object({
  bookingId: bookingIdSchema,
  start: z.iso.datetime({ offset: true }),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});

// Staff are not held to the client's online cut-off: rescheduleBooking lets a staff actor move any
// confirmed appointment they may act on.
export async function rescheduleAppointmentAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return unlessDatabaseUnavailable(rescheduleAppointmentActionWork(previous, formData));
}

async function rescheduleAppointmentActionWork(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const user = await requireStaffRoute("action:rescheduleAppointmentAction");
  const parsed = rescheduleSchema.safeParse({
    bookingId: filledField(formData, "bookingId"),
    start: filledField(formData, "start"),
    date: filledField(formData, "date"),
  });
  if (!parsed.success) return { ok: false, formError: "Please choose a time again." };
  const { bookingId, start, date } = parsed.data;
  const path = appointmentPath(bookingId);
  try {
    await rescheduleBooking({ bookingId, actor: { id: user.id, role: user.role }, start: new Date(start) });
  } catch (error) {
    // Taken meanwhile: the same day again with fresh times and a note; the appointment is unchanged.
    if (error instanceof SlotTaken && date) {
      redirect(`${path}?reschedule=1&date=${date}&taken=${encodeURIComponent(start)}`);
    }
    return toActionState(error);
  }
  revalidatePath(path);
  redirect(`${path}?moved=1`);
}

const snapshotOf = (note: TreatmentNoteView): NoteSnapshot => ({
  version: note.version,
  soap: note.soap,
  calf: note.calf,
  savedBy: `${note.authorName}, ${formatClinicDateTime(note.updatedAt, getClinic().timeZone)}`,
});

// The SOAP note and calf record of a visit: the first version or an amendment of the version the
// form was opened at. A colleague's newer version comes back as a conflict with their text; the
// form keeps what was typed either way.
export async function saveTreatmentNoteAction(
  previous: TreatmentNoteFormState,
  formData: FormData,
): Promise<TreatmentNoteFormState> {
  return unlessDatabaseUnavailable(saveTreatmentNoteActionWork(previous, formData));
}

async function saveTreatmentNoteActionWork(
  _previous: TreatmentNoteFormState,
  formData: FormData,
): Promise<TreatmentNoteFormState> {
  const user = await requireStaffRoute("action:saveTreatmentNoteAction");
  const bookingId = bookingIdSchema.safeParse(formData.get("bookingId"));
  if (!bookingId.success) return { ok: false, formError: "That appointment could not be read. Reload the page." };
  const calf = readCalfForm(formData.entries());
  if (!calf.ok) return { ok: false, formError: calf.formError, fieldErrors: calf.fieldErrors };
  const parsed = treatmentNoteInputSchema.safeParse({
    subjective: field(formData, "subjective") ?? "",
    objective: field(formData, "objective") ?? "",
    assessment: field(formData, "assessment") ?? "",
    plan: field(formData, "plan") ?? "",
    calf: calf.calf,
    baseVersion: field(formData, "baseVersion") || "0",
    reason: field(formData, "reason") || undefined,
  });
  if (!parsed.success) {
    const fieldErrors = noteFieldErrors(parsed.error);
    if (fieldErrors.baseVersion) return { ok: false, formError: "This form is out of date. Reload the page." };
    return { ok: false, fieldErrors };
  }
  try {
    const note = await saveTreatmentNote({
      actor: { id: user.id, role: user.role },
      bookingId: bookingId.data,
      note: parsed.data,
    });
    return {
      ok: true,
      savedVersion: note.version,
      message: note.version === 1 ? "Saved as version 1." : `Amendment saved as version ${note.version}.`,
    };
  } catch (error) {
    if (error instanceof NoteChanged) {
      return { ok: false, formError: error.message, conflict: snapshotOf(error.latest) };
    }
    return toActionState(error);
  } finally {
    revalidatePath(appointmentPath(bookingId.data));
  }
}
