// "Download my data": everything the clinic holds about one client, as one JSON document. Every read
// is scoped to the client's id (their bookings, the payments and clinical records of those bookings,
// messages to them, views of their health data). Never another client's data, and never secrets:
// no password hash, session or link tokens, two-factor secrets or recovery codes.
import { listConsentSignatures } from "@/lib/clinical/consent-signatures";
import { prisma } from "@/lib/db";
import { isPrivateLinkTemplate } from "@/lib/notifications/list-outbox-messages";
import { listHealthDataViews } from "./list-health-data-views";

export const ACCOUNT_EXPORT_VERSION = 1;

export async function exportAccountData(userId: string, now = new Date()) {
  const profile = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      phone: true,
      role: true,
      emailVerified: true,
      totpEnabledAt: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  if (!profile) return null;

  const [bookings, messages, healthDataViews, consents, clearances] = await Promise.all([
    prisma.booking.findMany({
      where: { clientId: userId },
      orderBy: { startsAt: "asc" },
      select: {
        id: true,
        status: true,
        startsAt: true,
        endsAt: true,
        serviceName: true,
        durationMinutes: true,
        priceCents: true,
        currency: true,
        payAtDesk: true,
        intake: true,
        createdAt: true,
        confirmedAt: true,
        checkedInAt: true,
        completedAt: true,
        cancelledAt: true,
        cancelReason: true,
        therapist: { select: { displayName: true } },
        payments: {
          orderBy: { createdAt: "asc" },
          select: {
            id: true,
            method: true,
            status: true,
            amountCents: true,
            amountRefundedCents: true,
            currency: true,
            paidAt: true,
            createdAt: true,
            refunds: {
              orderBy: { createdAt: "asc" },
              select: { id: true, amountCents: true, status: true, createdAt: true },
            },
          },
        },
        treatmentNote: {
          select: {
            subjective: true,
            objective: true,
            assessment: true,
            plan: true,
            version: true,
            createdAt: true,
            updatedAt: true,
            author: { select: { name: true, therapist: { select: { displayName: true } } } },
          },
        },
        calfRecords: {
          orderBy: { side: "asc" },
          select: { side: true, tension: true, swelling: true, tenderness: true, createdAt: true, updatedAt: true },
        },
      },
    }),
    prisma.emailOutbox.findMany({
      // By account; by address only for a message that names no account. An address can have had an
      // earlier holder (deleted, or moved to another email), whose messages are not this client's.
      where: { OR: [{ userId }, { userId: null, toAddress: profile.email }] },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        toAddress: true,
        subject: true,
        text: true,
        template: true,
        status: true,
        createdAt: true,
        sentAt: true,
      },
    }),
    listHealthDataViews(userId, 10_000),
    listConsentSignatures(userId),
    prisma.doctorClearance.findMany({
      where: { clientId: userId },
      orderBy: { createdAt: "asc" },
      select: {
        questionId: true,
        clearedBy: true,
        clearedOn: true,
        validUntil: true,
        note: true,
        createdAt: true,
        revokedAt: true,
      },
    }),
  ]);

  return {
    format: "second-heart-account-export",
    version: ACCOUNT_EXPORT_VERSION,
    exportedAt: now.toISOString(),
    profile: {
      id: profile.id,
      email: profile.email,
      name: profile.name,
      phone: profile.phone,
      role: profile.role,
      emailVerifiedAt: profile.emailVerified?.toISOString() ?? null,
      twoFactorSignIn: profile.totpEnabledAt !== null,
      createdAt: profile.createdAt.toISOString(),
      updatedAt: profile.updatedAt.toISOString(),
    },
    bookings: bookings.map(({ therapist, currency, treatmentNote, payments, ...booking }) => ({
      ...booking,
      currency: currency.trim(),
      therapist: therapist.displayName,
      payments: payments.map((payment) => ({ ...payment, currency: payment.currency.trim() })),
      treatmentNote: treatmentNote
        ? {
            subjective: treatmentNote.subjective,
            objective: treatmentNote.objective,
            assessment: treatmentNote.assessment,
            plan: treatmentNote.plan,
            version: treatmentNote.version,
            author: treatmentNote.author.therapist?.displayName ?? treatmentNote.author.name,
            createdAt: treatmentNote.createdAt,
            updatedAt: treatmentNote.updatedAt,
          }
        : null,
    })),
    // A message holding a private link (password reset, email change) without its text, as on
    // /account/messages: the download must not turn a stolen session into a working reset link.
    messages: messages.map((message) => ({
      ...message,
      text: isPrivateLinkTemplate(message.template) ? null : message.text,
    })),
    // Each signed consent with the text as it was signed.
    consents: consents.map((consent) => ({
      version: consent.version,
      signedName: consent.signedName,
      signedAt: consent.signedAt,
      method: consent.method,
      title: consent.title,
      sections: consent.sections,
    })),
    doctorClearances: clearances,
    healthDataViews: healthDataViews.map((view) => ({
      viewedAt: view.viewedAt,
      staff: view.staffName,
      what: view.what,
      bookingId: view.booking?.id ?? null,
    })),
  };
}
