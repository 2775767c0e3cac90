"use server";

// Booking on a client's behalf (a phone booking): create or pick the client, then hold the time with
// an emailed payment link or confirm it to be paid at the desk. Guard (its entry in
// lib/auth/staff-routes.ts) → safeParse → domain call → a result the form shows.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { recordId } from "@/lib/forms/record-id";
import { createBooking } from "@/lib/booking/create-booking";
import { DomainError, IntakeBlocked, SlotTaken } from "@/lib/errors/domain-errors";
import { findOrCreatePhoneClient, getBookableClient, phoneClientSchema } from "@/lib/clients/phone-client";
import { readPhoneIntake } from "@/lib/clients/phone-intake";
import { requireStaffRoute } from "@/lib/auth/require-staff-route";
import { loadStaffViewer } from "@/lib/auth/staff-viewer";
import { formatClinicDateTime } from "@/lib/time/clinic-time";
import { field, toActionState, type PhoneBookingState, type PhoneClientFormState } from "@/lib/forms/action-state";
import { getClinic } from "@/lib/clinic/get-clinic";

export async function createPhoneClientAction(
  previous: PhoneClientFormState,
  formData: FormData,
): Promise<PhoneClientFormState> {
  return unlessDatabaseUnavailable(createPhoneClientActionWork(previous, formData));
}

async function createPhoneClientActionWork(
  _previous: PhoneClientFormState,
  formData: FormData,
): Promise<PhoneClientFormState> {
  const user = await requireStaffRoute("action:createPhoneClientAction");
  const values = { name: field(formData, "name"), email: field(formData, "email"), phone: field(formData, "phone") };
  const parsed = phoneClientSchema.safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  let found;
  try {
    found = await findOrCreatePhoneClient(user.id, parsed.data);
  } catch (error) {
    return { ...toActionState(error), values };
  }
  redirect(`/staff/book?client=${encodeURIComponent(found.client.id)}&${found.existing ? "existing" : "created"}=1`);
}

const bookingSchema = z.object({
  clientId: recordId(),
  service: z.string().trim().min(1).max(100),
  therapistId: recordId(),
  start: z.iso.datetime({ offset: true, error: "Choose a time." }),
  payment: z.enum(["link", "desk"], { error: "Choose how the client pays." }),
});

export async function bookForClientAction(previous: PhoneBookingState, formData: FormData): Promise<PhoneBookingState> {
  return unlessDatabaseUnavailable(bookForClientActionWork(previous, formData), (formError) => ({
    status: "error",
    formError,
  }));
}

async function bookForClientActionWork(_previous: PhoneBookingState, formData: FormData): Promise<PhoneBookingState> {
  const user = await requireStaffRoute("action:bookForClientAction");
  const parsed = bookingSchema.safeParse({
    clientId: field(formData, "clientId"),
    service: field(formData, "service"),
    therapistId: field(formData, "therapistId"),
    start: field(formData, "start"),
    payment: field(formData, "payment"),
  });
  const intake = readPhoneIntake(formData);
  if (!parsed.success || !intake.success) {
    const fieldErrors: Record<string, string[]> = {
      ...(parsed.success ? {} : z.flattenError(parsed.error).fieldErrors),
      ...(intake.success ? {} : intake.fieldErrors),
    };
    return { status: "error", formError: "Some answers are missing. See the marked questions.", fieldErrors };
  }
  const input = parsed.data;
  try {
    const client = await getBookableClient(await loadStaffViewer(user), input.clientId);
    const common = {
      client: { id: client.id, email: client.email },
      serviceSlug: input.service,
      therapistId: input.therapistId,
      start: new Date(input.start),
      intake: intake.data,
      bookedBy: { id: user.id, role: user.role },
    };
    const when = formatClinicDateTime(new Date(input.start), getClinic().timeZone);
    if (input.payment === "desk") {
      const booked = await createBooking({ ...common, payment: "desk" });
      return { status: "booked", payment: "desk", bookingId: booked.booking.id, when, clientEmail: client.email };
    }
    const held = await createBooking(common);
    return {
      status: "booked",
      payment: "link",
      bookingId: held.booking.id,
      when,
      clientEmail: client.email,
      checkoutUrl: held.checkoutUrl,
      payBy: held.booking.holdExpiresAt
        ? formatClinicDateTime(new Date(held.booking.holdExpiresAt), getClinic().timeZone)
        : undefined,
    };
  } catch (error) {
    if (error instanceof IntakeBlocked) return { status: "blocked", outcome: error.urgency, message: error.message };
    if (error instanceof SlotTaken) {
      return {
        status: "error",
        formError: "That time was just taken. The free times below are fresh: choose another.",
      };
    }
    if (error instanceof DomainError) return { status: "error", formError: error.message, fieldErrors: error.fields };
    throw error;
  } finally {
    revalidatePath("/staff/book");
  }
}
