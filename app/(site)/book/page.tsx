import type { Metadata } from "next";
import { notFound, redirect, RedirectType } from "next/navigation";
import { BookingFlow, type ChoiceSummary } from "@/components/booking/booking-flow";
import {
  ANY_THERAPIST,
  bookingHref,
  currentStep,
  parseBookingChoice,
  parseBookingNotices,
  type BookingChoice,
  type BookingNotices,
} from "@/components/booking/booking-url";
import type { ServiceOption, TherapistOption } from "@/components/booking/choice-steps";
import type { CheckoutReturn, ReviewDetails } from "@/components/booking/review-step";
import type { ReviewConsent } from "@/components/booking/consent-panel";
import { clinicDateOf, clinicIsoOf } from "@/components/booking/slot-times";
import { getCurrentUser, requireUser } from "@/lib/auth/guards";
import type { BookingView } from "@/lib/booking/booking-view";
import { cancellationDeadline, DEFAULT_CANCELLATION_TERMS } from "@/lib/booking/cancellation-policy";
import { getClientBooking } from "@/lib/booking/get-client-booking";
import { findLastIntake, formatAnsweredOn } from "@/lib/booking/last-intake";
import { CURRENT_CONSENT } from "@/lib/clinical/consent";
import { findConsentSignature } from "@/lib/clinical/consent-signatures";
import { listActiveServices } from "@/lib/catalog/services";
import { formatMoney } from "@/lib/money";
import { formatClinicDate, formatClinicDateTime, formatClinicTime } from "@/lib/time/clinic-time";
import { payForBookingAction, recordScreeningStopAction } from "./actions";
import { bookingSettings, listActiveTherapists, listTherapistsOffering } from "./booking-data";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Book a calf massage",
  description:
    "Choose a calf massage treatment, a therapist and a time, answer a few health questions, and pay online.",
  alternates: { canonical: "/book" },
};

type SearchParams = Record<string, string | string[] | undefined>;
type Settings = ReturnType<typeof bookingSettings>;

// Keeps only the parts of the choice that still make sense today: a known service and therapist, a
// bookable day, and a start on that day that has not passed. Anything else is asked again.
function validChoice(
  choice: BookingChoice,
  service: ServiceOption | undefined,
  therapists: TherapistOption[],
  settings: Settings,
  now: Date,
): BookingChoice {
  if (!service) return choice.step === "service" ? { step: "service" } : {};
  const base = { service: service.slug, step: choice.step };
  const therapistKnown =
    choice.therapist === ANY_THERAPIST
      ? therapists.length > 0
      : therapists.some((therapist) => therapist.slug === choice.therapist);
  if (!choice.therapist || !therapistKnown) return base;
  const withTherapist = { ...base, therapist: choice.therapist };
  if (!choice.date || choice.date < settings.today || choice.date > settings.lastDay) return withTherapist;
  const withDate = { ...withTherapist, date: choice.date };
  if (!choice.start) return withDate;
  const start = new Date(choice.start);
  if (start <= now || clinicDateOf(start, settings.timeZone) !== choice.date) return withDate;
  const assigned = therapists.some((therapist) => therapist.slug === choice.with) ? choice.with : undefined;
  return { ...withDate, start: choice.start, ...(assigned ? { with: assigned } : {}) };
}

function summarize(
  choice: BookingChoice,
  service: ServiceOption | undefined,
  therapists: TherapistOption[],
  timeZone: string,
): ChoiceSummary {
  const nameOf = (slug: string | undefined) => therapists.find((therapist) => therapist.slug === slug)?.name;
  const therapist =
    choice.therapist === ANY_THERAPIST
      ? choice.start && nameOf(choice.with)
        ? `${nameOf(choice.with)} — free at this time (you chose any therapist)`
        : choice.start
          ? "The first free therapist"
          : "Any therapist"
      : nameOf(choice.therapist);
  return {
    service: service?.name,
    therapist,
    date: choice.date ? formatClinicDate(choice.date) : undefined,
    time: choice.start ? formatClinicTime(new Date(choice.start), timeZone) : undefined,
  };
}

function reviewDetails(
  choice: BookingChoice,
  service: ServiceOption,
  therapists: TherapistOption[],
  settings: Settings,
  now: Date,
): ReviewDetails {
  const start = new Date(choice.start ?? "");
  const end = new Date(start.getTime() + service.durationMinutes * 60_000);
  const any = choice.therapist === ANY_THERAPIST;
  const named = therapists.find((therapist) => therapist.slug === (any ? choice.with : choice.therapist))?.name;
  const freeUntil = cancellationDeadline(start, service.freeCancellationHours);
  return {
    serviceName: service.name,
    durationMinutes: service.durationMinutes,
    // "Any therapist" names who the time was offered with; without that, the first free therapist.
    therapist: named
      ? any
        ? `${named} — free at this time (you chose any therapist)`
        : named
      : "The first free therapist",
    when: formatClinicDateTime(start, settings.timeZone),
    endsAt: formatClinicTime(end, settings.timeZone),
    price: formatMoney(service.priceCents, service.currency),
    freeUntil: freeUntil > now ? formatClinicDateTime(freeUntil, settings.timeZone) : undefined,
  };
}

// "2:48 PM EST (about 25 minutes)" when the hold ends today, the full date otherwise.
function holdEndInWords(heldUntil: Date, now: Date, settings: Settings): string {
  if (clinicDateOf(heldUntil, settings.timeZone) !== settings.today) {
    return formatClinicDateTime(heldUntil, settings.timeZone);
  }
  const minutes = Math.max(1, Math.round((heldUntil.getTime() - now.getTime()) / 60_000));
  return `${formatClinicTime(heldUntil, settings.timeZone)} (about ${minutes === 1 ? "1 minute" : `${minutes} minutes`})`;
}

// Checkout's cancel_url brings the client back as /book?booking=<id>&cancelled=1. The held booking
// says what was chosen; the page puts that choice back in the URL and shows the review again.
async function checkoutReturnFor(
  bookingId: string,
  params: SearchParams,
  choice: BookingChoice,
  settings: Settings,
): Promise<{ choice: BookingChoice; checkoutReturn?: CheckoutReturn }> {
  const user = await requireUser(bookingHref({}, { booking: bookingId, cancelled: true }));
  const booking: (BookingView & { holdExpiresAt?: string | null }) | null = await getClientBooking(user.id, bookingId);
  // Anyone else's booking id is the same 404 as one that does not exist.
  if (!booking) notFound();
  if (booking.status !== "PENDING_PAYMENT" && booking.status !== "EXPIRED" && booking.status !== "CANCELLED") {
    redirect("/account"); // already paid (another tab, or the webhook was quicker): nothing to pay
  }
  const start = new Date(booking.startsAt);
  const therapist = (await listActiveTherapists()).find((option) => option.id === booking.therapist.id);
  const fromBooking: BookingChoice = {
    service: booking.service.slug,
    therapist: therapist?.slug ?? ANY_THERAPIST,
    date: clinicDateOf(start, settings.timeZone),
    start: clinicIsoOf(start, settings.timeZone),
    step: "review",
  };
  const sameChoice =
    choice.service === fromBooking.service &&
    choice.therapist === fromBooking.therapist &&
    choice.start !== undefined &&
    new Date(choice.start).getTime() === start.getTime() &&
    params.step === "review";
  if (!sameChoice) redirect(bookingHref(fromBooking, { booking: bookingId, cancelled: true }));

  const heldUntil = booking.holdExpiresAt ? new Date(booking.holdExpiresAt) : undefined;
  const now = new Date();
  const held = booking.status === "PENDING_PAYMENT" && (!heldUntil || heldUntil > now);
  return {
    choice,
    checkoutReturn: {
      status: held ? "held" : "expired",
      heldUntil: held && heldUntil ? holdEndInWords(heldUntil, now, settings) : undefined,
    },
  };
}

// The consent on the review: to sign (first booking, or a new version), or when it was signed.
async function reviewConsentFor(userId: string, timeZone: string): Promise<ReviewConsent> {
  const signed = await findConsentSignature(userId, CURRENT_CONSENT.version);
  return {
    required: signed === null,
    version: CURRENT_CONSENT.version,
    title: CURRENT_CONSENT.title,
    sections: CURRENT_CONSENT.sections,
    signedOn: signed ? formatClinicDate(clinicDateOf(signed.signedAt, timeZone)) : undefined,
  };
}

export default async function BookPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = await searchParams;
  const now = new Date();
  const settings = bookingSettings(now);
  const notices: BookingNotices = parseBookingNotices(params);
  let choice = parseBookingChoice(params);
  let checkoutReturn: CheckoutReturn | undefined;
  if (notices.booking) {
    ({ choice, checkoutReturn } = await checkoutReturnFor(notices.booking, params, choice, settings));
  }

  const [user, services] = await Promise.all([getCurrentUser(), listActiveServices()]);
  const serviceOptions: ServiceOption[] = services.map((service) => ({
    slug: service.slug,
    name: service.name,
    summary: service.summary,
    durationMinutes: service.durationMinutes,
    priceCents: service.priceCents,
    currency: service.currency,
    freeCancellationHours: service.freeCancellationHours,
    lateCancellationRefundPercent: service.lateCancellationRefundPercent,
  }));
  const service = serviceOptions.find((option) => option.slug === choice.service);
  const therapists = service ? await listTherapistsOffering(service.slug) : [];
  choice = validChoice(choice, service, therapists, settings, now);
  // A signed-in client has nothing to do on the account step (Back from the review after signing
  // in lands here): the URL itself becomes the review's, replacing the history entry.
  if (user && choice.step === "account") {
    redirect(bookingHref({ ...choice, step: "review" }, notices), RedirectType.replace);
  }
  const step = currentStep(choice, user !== null);
  // A signed-in returning client sees their last answers on the health step, to confirm one by one.
  const last = user && step === "health" ? await findLastIntake(user.id, now) : null;
  const previousAnswers = last
    ? { answeredOn: formatAnsweredOn(last.answeredAt, settings.timeZone), answers: last.intake.answers }
    : null;

  const review =
    step === "review" && service && choice.start && user
      ? {
          details: reviewDetails(choice, service, therapists, settings, now),
          formFields: {
            service: service.slug,
            therapist: choice.therapist ?? ANY_THERAPIST,
            with: choice.with ?? "",
            date: choice.date ?? "",
            start: choice.start,
          },
          checkoutReturn,
          consent: await reviewConsentFor(user.id, settings.timeZone),
        }
      : undefined;

  return (
    <div className="mx-auto max-w-6xl px-4 py-8 sm:py-10">
      <h1 className="mb-4 text-3xl font-semibold text-teal-800 sm:text-4xl">Book a calf massage</h1>
      <BookingFlow
        step={step}
        choice={choice}
        notices={notices}
        signedIn={user !== null}
        services={serviceOptions}
        therapists={therapists}
        summary={summarize(choice, service, therapists, settings.timeZone)}
        timeZone={settings.timeZone}
        timeZoneName={settings.timeZoneName}
        today={settings.today}
        lastDay={settings.lastDay}
        cancellationTerms={service ?? DEFAULT_CANCELLATION_TERMS}
        holdMinutes={settings.holdMinutes}
        testMode={settings.testMode}
        review={review}
        payAction={payForBookingAction}
        onScreeningStop={recordScreeningStopAction}
        previousAnswers={previousAnswers}
      />
    </div>
  );
}
