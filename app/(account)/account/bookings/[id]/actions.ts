"use server";

// Cancel and reschedule from the account page: guard → safeParse → domain call → form state or redirect.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordId } from "@/lib/forms/record-id";
import { plainText } from "@/lib/forms/text";
import { requireUser } from "@/lib/auth/guards";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { decideCancellationRefund } from "@/lib/booking/cancellation-policy";
import { getClientBookingDetails } from "@/lib/booking/get-client-booking-details";
import { rescheduleBooking } from "@/lib/booking/reschedule-booking";
import { SlotTaken } from "@/lib/errors/domain-errors";
import { formatMoney } from "@/lib/money";
import { field, toActionState, type ActionState } from "@/lib/forms/action-state";

const bookingId = recordId();

const cancelFormSchema = z.object({
  bookingId,
  newCalfSymptoms: z.literal("yes").optional(),
  reason: plainText({ max: 500, multiline: true }).optional(),
  expectedRefundCents: z.coerce.number().int().min(0),
});

const rescheduleFormSchema = z.object({
  bookingId,
  start: z.iso.datetime({ offset: true }),
  date: z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.literal("")]).optional(),
});

const detailsPath = (id: string) => `/account/bookings/${encodeURIComponent(id)}`;

export async function cancelBookingAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return unlessDatabaseUnavailable(cancelBookingActionWork(previous, formData));
}

async function cancelBookingActionWork(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const submitted = {
    bookingId: field(formData, "bookingId") || undefined,
    newCalfSymptoms: field(formData, "newCalfSymptoms") || undefined,
    reason: field(formData, "reason") || undefined,
    expectedRefundCents: field(formData, "expectedRefundCents") || undefined,
  };
  const user = await requireUser(submitted.bookingId ? detailsPath(submitted.bookingId) : "/account");
  const parsed = cancelFormSchema.safeParse(submitted);
  if (!parsed.success) return { ok: false, formError: "Please reload the page and try again." };
  const { bookingId: id, newCalfSymptoms, reason, expectedRefundCents } = parsed.data;

  // The client confirmed an amount: if the policy now gives another (the cut-off passed while the
  // page was open), they see the new amount and confirm again, rather than being surprised.
  const details = await getClientBookingDetails(user.id, id);
  if (!details) return { ok: false, formError: "We couldn't find that appointment." };
  const now = new Date();
  const refund = decideCancellationRefund({
    startsAt: new Date(details.booking.startsAt),
    now,
    terms: details.cancellationTerms,
    refundableCents: details.refundableCents,
    newCalfSymptoms: newCalfSymptoms === "yes",
  });
  if (refund.refundCents !== expectedRefundCents) {
    return {
      ok: false,
      formError: `The refund for this appointment is now ${formatMoney(refund.refundCents, details.booking.currency)}. Reload the page to see why, and confirm again if you still want to cancel.`,
    };
  }

  try {
    await cancelBooking({
      bookingId: id,
      // The account pages act for the client, whoever is signed in: a staff member's own visits
      // here, never the staff rights of their role (those go through /staff and its two-factor gate).
      actor: { id: user.id, role: "CLIENT" },
      reason,
      newCalfSymptoms: newCalfSymptoms === "yes",
      now,
    });
  } catch (error) {
    return toActionState(error);
  }
  revalidatePath("/account");
  redirect(`${detailsPath(id)}?cancelled=1`);
}

export async function rescheduleBookingAction(previous: ActionState, formData: FormData): Promise<ActionState> {
  return unlessDatabaseUnavailable(rescheduleBookingActionWork(previous, formData));
}

async function rescheduleBookingActionWork(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const submitted = {
    bookingId: field(formData, "bookingId") || undefined,
    start: field(formData, "start") || undefined,
    date: field(formData, "date") || undefined,
  };
  const user = await requireUser(submitted.bookingId ? detailsPath(submitted.bookingId) : "/account");
  const parsed = rescheduleFormSchema.safeParse(submitted);
  if (!parsed.success) return { ok: false, formError: "Please choose a time again." };
  const { bookingId: id, start, date } = parsed.data;
  try {
    // As a client, whatever the role: an admin here reached every booking with staff rights and no
    // two-factor gate (see cancelBookingActionWork).
    await rescheduleBooking({ bookingId: id, actor: { id: user.id, role: "CLIENT" }, start: new Date(start) });
  } catch (error) {
    // Taken meanwhile: fresh times for the same day, with a note, and the appointment unchanged.
    if (error instanceof SlotTaken && date) {
      redirect(`${detailsPath(id)}?reschedule=1&date=${date}&taken=${encodeURIComponent(start)}`);
    }
    return toActionState(error);
  }
  revalidatePath("/account");
  redirect(`${detailsPath(id)}?moved=1`);
}
