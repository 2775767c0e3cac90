"use server";

// Pay for the chosen time: guard → safeParse → createBooking → redirect to Stripe Checkout.
// createBooking holds the time (PENDING_PAYMENT) and returns the same booking and checkout URL for a
// repeated request, so a double click or a second try after "back" never makes a second booking.
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { ANY_THERAPIST, bookingHref, isValidInstant } from "@/components/booking/booking-url";
import { field, type PayBookingState } from "@/lib/forms/action-state";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { getCurrentUser, requireUser } from "@/lib/auth/guards";
import { createBooking } from "@/lib/booking/create-booking";
import { intakeSchema } from "@/lib/booking/intake";
import { ConsentRequired, consentInputSchema } from "@/lib/clinical/consent-signatures";
import { recordScreeningStop } from "@/lib/booking/record-screening-stop";
import { getEnv } from "@/lib/env";
import { DomainError, IntakeBlocked, NotFound, SlotTaken, Unprocessable } from "@/lib/errors/domain-errors";
import { listTherapistsOffering } from "./booking-data";

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)
  .max(100);

const payFormSchema = z.object({
  service: slug,
  therapist: slug, // a therapist's slug, or "any"
  with: z.union([slug, z.literal("")]).optional(), // for "any": the therapist the time was offered with
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  start: z.string().refine(isValidInstant, "Choose a time."),
  intake: z
    .string()
    .max(8_000)
    .transform((text, context) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        context.addIssue({ code: "custom", message: "Please answer the health questions again." });
        return z.NEVER;
      }
    })
    .pipe(intakeSchema),
  // Present when the review asked the client to sign the consent (first booking, or a new version).
  consent: z.object({ version: z.coerce.number(), signedName: z.string() }).pipe(consentInputSchema).optional(),
});

export async function payForBookingAction(previous: PayBookingState, formData: FormData): Promise<PayBookingState> {
  return unlessDatabaseUnavailable(payForBookingActionWork(previous, formData));
}

async function payForBookingActionWork(_previous: PayBookingState, formData: FormData): Promise<PayBookingState> {
  const submitted = {
    service: field(formData, "service"),
    therapist: field(formData, "therapist"),
    with: field(formData, "with"),
    date: field(formData, "date"),
    start: field(formData, "start"),
  };
  // Signed out meanwhile (an expired session): sign in and come back to this review.
  const user = await requireUser(bookingHref({ ...submitted, step: "review" }));
  const consentVersion = field(formData, "consentVersion");
  const consent =
    consentVersion === undefined
      ? undefined
      : { version: consentVersion, signedName: field(formData, "signedName") ?? "" };
  const parsed = payFormSchema.safeParse({ ...submitted, intake: field(formData, "intake"), consent });
  if (!parsed.success) {
    const consentProblem = parsed.error.issues.find((issue) => issue.path[0] === "consent");
    if (consentProblem) {
      return {
        ok: false,
        code: "consent",
        formError: consentProblem.message,
        fieldErrors: { signedName: [consentProblem.message] },
      };
    }
    const intakeProblem = parsed.error.issues.some((issue) => issue.path[0] === "intake");
    return intakeProblem
      ? { ok: false, code: "intake_blocked", formError: "Please answer the health questions again before paying." }
      : { ok: false, code: "invalid", formError: "Some of your choice is missing. Please choose your time again." };
  }
  const { service, therapist, with: assigned, date, start, intake, consent: signature } = parsed.data;

  // The time was offered with one therapist (chosen, or assigned for "any"): book that one. With
  // no assignment known, createBooking assigns fairly itself.
  const therapistSlug = therapist === ANY_THERAPIST ? assigned : therapist;
  let therapistId: string | undefined;
  if (therapistSlug) {
    therapistId = (await listTherapistsOffering(service)).find((option) => option.slug === therapistSlug)?.id;
    if (!therapistId) {
      return { ok: false, code: "not_found", formError: "That therapist no longer offers this treatment online." };
    }
  }

  let checkoutUrl: string;
  try {
    ({ checkoutUrl } = await createBooking({
      client: { id: user.id, email: user.email },
      serviceSlug: service,
      therapistId,
      start: new Date(start),
      intake,
      consent: signature,
    }));
  } catch (error) {
    // Someone else got there first: fresh times for the same day, the rest of the choice kept.
    if (error instanceof SlotTaken) {
      redirect(bookingHref({ service, therapist, date }, { taken: start }));
    }
    if (error instanceof IntakeBlocked) return { ok: false, code: "intake_blocked", formError: error.message };
    if (error instanceof ConsentRequired || (error instanceof Unprocessable && error.fields?.signedName)) {
      return {
        ok: false,
        code: "consent",
        formError: error.message,
        fieldErrors: { signedName: error.fields?.signedName },
      };
    }
    if (error instanceof NotFound) return { ok: false, code: "not_found", formError: error.message };
    if (error instanceof Unprocessable) return { ok: false, code: "unprocessable", formError: error.message };
    if (error instanceof DomainError) return { ok: false, code: "error", formError: error.message };
    throw error;
  }
  redirect(checkoutUrl);
}

// The health step stopped a booking in the browser: record that it happened, with no answers.
export async function recordScreeningStopAction(): Promise<void> {
  const user = await getCurrentUser();
  const clientIp = clientIpFrom(await headers(), getEnv().TRUST_PROXY_HOPS);
  await recordScreeningStop({ userId: user?.id ?? null, clientIp });
}
