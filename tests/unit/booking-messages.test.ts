// Every booking message, rendered: an accessible HTML part (language, one h1, no images, no
// stylesheet, the clinic's address and phone) and a plain-text part with the same facts, and what
// each message is for (the symptom advice before and after a visit, the payment and aftercare links).
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
import { SYMPTOM_ADVICE } from "@/lib/clinical/symptom-advice";

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

// The plain-text part wraps long lines; compare with the whitespace folded.
const flat = (text: string) => text.replace(/\s+/g, " ");
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** The advice from lib/clinical/symptom-advice.ts, word for word (same day, then 911). */
const RED_FLAG = new RegExp(
  `${escape(SYMPTOM_ADVICE.sameDay).replace(/ /g, "\\s+")}\\s+${escape(SYMPTOM_ADVICE.emergency).replace(/ /g, "\\s+")}`,
);

const MESSAGES: [string, () => Promise<RenderedEmail>, RegExp[]][] = [
  ["confirmation", () => bookingConfirmedMessage(facts), [RED_FLAG, /Tue, Dec 1, 2026, 10:00\sAM EST/, /\$95\.00/]],
  ["reminder", () => bookingReminderMessage(facts), [RED_FLAG, /https:\/\/clinic\.example\/account\/bookings\/bk_1/]],
  [
    "reschedule",
    () => bookingRescheduledMessage({ ...facts, previousStartsAt: new Date("2026-11-30T15:00:00Z") }),
    [/Mon, Nov 30, 2026, 10:00\sAM EST/, /Free cancellation up to 24 hours/, RED_FLAG],
  ],
  [
    "cancellation",
    () => bookingCancelledMessage({ ...facts, refundCents: 9500, feeWaivedForCalfSymptoms: true }),
    [/We are refunding \$95\.00/, /no cancellation fee/, RED_FLAG],
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
    [/https:\/\/clinic\.example\/learn\/aftercare-calf-reset/, /\/book\?service=second-heart-massage-60/, RED_FLAG],
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

describe("symptom advice in the messages", () => {
  it.each(MESSAGES)("the %s never sends symptoms to the clinic instead of a doctor", async (_name, build) => {
    const message = await build();
    expect(flat(message.text)).not.toMatch(/call us before you come/i);
    expect(flat(message.html ?? "")).not.toMatch(/call us before you come/i);
  });

  it("the aftercare message keeps what is normal apart from the red flags, under its own heading", async () => {
    for (const aftercareSlug of ["aftercare-calf-reset", null]) {
      const message = await aftercareMessage({ ...facts, serviceSlug: "second-heart-massage-60", aftercareSlug });
      const text = flat(message.text);
      const normal =
        text.indexOf("WHAT IS NORMAL") >= 0 ? text.indexOf("WHAT IS NORMAL") : text.indexOf("What is normal");
      const tenderness = text.indexOf("Mild tenderness for a day is normal");
      const help =
        text.indexOf("WHEN TO GET HELP") >= 0 ? text.indexOf("WHEN TO GET HELP") : text.indexOf("When to get help");
      const advice = text.indexOf(SYMPTOM_ADVICE.sameDay);
      expect(normal, String(aftercareSlug)).toBeGreaterThanOrEqual(0);
      expect([normal < tenderness, tenderness < help, help < advice], String(aftercareSlug)).toEqual([
        true,
        true,
        true,
      ]);
      // In the HTML the two are separate blocks: the tenderness line never shares the red-flag note.
      const html = message.html ?? "";
      const note = html.slice(
        html.lastIndexOf("<table", html.indexOf("New pain, swelling")),
        html.indexOf("call 911 now"),
      );
      expect(note).not.toContain("tenderness");
      expect(html.indexOf("Mild tenderness for a day is normal")).toBeLessThan(html.indexOf("When to get help"));
    }
  });
});
