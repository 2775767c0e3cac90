"use server";

// Check-in, complete and no-show for one appointment. Guard (its entry in lib/staff/staff-routes.ts)
// → safeParse → domain call → a result the buttons show. Whatever happens the page is revalidated,
// so the person who lost a race sees the message and the state the winner left.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { StaffActor } from "@/lib/booking/apply-staff-transition";
import type { BookingView } from "@/lib/booking/booking-view";
import { checkInBooking } from "@/lib/booking/check-in-booking";
import { completeBooking } from "@/lib/booking/complete-booking";
import { markNoShow } from "@/lib/booking/mark-no-show";
import { DomainError } from "@/lib/errors/domain-errors";
import { requireStaffRoute } from "@/lib/staff/require-staff-route";
import type { StaffRouteKey } from "@/lib/staff/staff-routes";

export interface TransitionState {
  ok: boolean;
  message?: string;
  formError?: string;
}

const inputSchema = z.object({ bookingId: z.string().trim().min(1).max(64) });

type Transition = (input: { bookingId: string; actor: StaffActor }) => Promise<BookingView>;

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
    if (error instanceof DomainError) return { ok: false, formError: error.message };
    throw error;
  } finally {
    revalidatePath(`/staff/appointments/${parsed.data.bookingId}`);
  }
}

export async function checkInAction(_previous: TransitionState, formData: FormData): Promise<TransitionState> {
  return runTransition("action:checkInAction", checkInBooking, "Checked in.", formData);
}

export async function completeVisitAction(_previous: TransitionState, formData: FormData): Promise<TransitionState> {
  return runTransition("action:completeVisitAction", completeBooking, "Visit completed.", formData);
}

export async function markNoShowAction(_previous: TransitionState, formData: FormData): Promise<TransitionState> {
  return runTransition("action:markNoShowAction", markNoShow, "Marked as a no-show.", formData);
}
