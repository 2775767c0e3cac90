// Every booking message, rendered: an accessible HTML part (language, one h1, no images, no
// stylesheet, the clinic's address and phone) and a plain-text part with the same facts, and what
// each message is for (the red-flag question before a visit, the payment and aftercare links).
import { describe, expect, it } from "vitest";
import {
  aftercareMessage,
  bookingCancelledMessage,
  bookingConfirmedMessage,
  bookingReminderMessage,
  bookingRescheduledMessage,
  paymentLinkMessage,
  refundSentMessage,
  slotLostRefundMessage,
  type BookingFacts,
} from "@/lib/notifications/templates/booking-messages";
import type { RenderedEmail } from "@/lib/notifications/templates/render-email";

const facts: BookingFacts = {
  bookingId: "bk_1",
  clientName: "Robin <Test>",
  serviceName: "Second Heart Calf Massage",
  therapistName: "Maya Lindqvist",
  startsAt: new Date("2026-12-01T15:00:00Z"),
  priceCents: 9500,
  currency: "usd",
  timeZone: "America/New_York",
  cancellationTerms: { freeCancellationHours: 24, lateCancellationRefundPercent: 0 },
  appUrl: "https://clinic.example/",
};

const RED_FLAG = /New calf pain or swelling\? Call us before you come/;

const MESSAGES: [string, () => Promise<RenderedEmail>, RegExp[]][] = [
  ["confirmation", () => bookingConfirmedMessage(facts), [RED_FLAG, /Tue, Dec 1, 2026, 10:00\sAM EST/, /\$95\.00/]],
  ["reminder", () => bookingReminderMessage(facts), [RED_FLAG, /https:\/\/clinic\.example\/account\/bookings\/bk_1/]],
  [
    "reschedule",
    () => bookingRescheduledMessage({ ...facts, previousStartsAt: new Date("2026-11-30T15:00:00Z") }),
    [/Mon, Nov 30, 2026, 10:00\sAM EST/, /Free cancellation up to 24 hours/],
  ],
  [
    "cancellation",
    () => bookingCancelledMessage({ ...facts, refundCents: 9500, feeWaivedForCalfSymptoms: true }),
    [/We are refunding \$95\.00/, /needs a\s+doctor today/],
  ],
  ["lost slot", () => slotLostRefundMessage(facts), [/refunded the full \$95\.00/]],
  ["refund notice", () => refundSentMessage({ ...facts, amountCents: 4750 }), [/refund of \$47\.50/]],
  [
    "payment link",
    () =>
      paymentLinkMessage({
        ...facts,
        paymentUrl: "https://pay.example/cs_1",
        payBy: new Date("2026-11-28T20:00:00Z"),
      }),
    [/https:\/\/pay\.example\/cs_1/, /Sat, Nov 28, 2026, 3:00\sPM EST/, RED_FLAG],
  ],
  [
    "aftercare",
    () =>
      aftercareMessage({
        ...facts,
        serviceSlug: "second-heart-massage-60",
        aftercareSlug: "aftercare-calf-reset",
      }),
    [/https:\/\/clinic\.example\/learn\/aftercare-calf-reset/, /\/book\?service=second-heart-massage-60/],
  ],
];

describe("booking messages", () => {
  it.each(MESSAGES)(
    "the %s has an accessible HTML part and a plain-text part with its facts",
    async (_name, build, expected) => {
      const message = await build();
      const html = message.html ?? "";
      expect(html).toMatch(/<html[^>]*lang="en"/);
      expect(html.match(/<h1[\s>]/g)).toHaveLength(1);
      expect(html).not.toMatch(/<img|<style|<link rel="stylesheet"|<script/);
      expect(html).toContain("214 Atlantic Avenue");
      // The client's name is text, never markup.
      expect(html).not.toContain("<Test>");
      expect(message.text).toMatch(/Hello Robin <Test>,/);
      expect(message.text).toMatch(/\(718\) 555-0142/);
      for (const pattern of expected) expect(message.text).toMatch(pattern);
      expect(message.subject.length).toBeGreaterThan(5);
    },
  );
});
