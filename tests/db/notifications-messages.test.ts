// The booking messages a client receives, delivered through a real SMTP server started here: each
// arrives with an HTML and a plain-text part, and the confirmation, move and cancellation carry one
// calendar event (same UID, SEQUENCE raised, CANCEL at the end) that a calendar parser reads back at
// the right instant. Each state change writes its message exactly once, to the client's own list;
// a template that throws still lets the booking through with a plain message.
import ical, { type VEvent } from "node-ical";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { cancelBooking } from "@/lib/booking/cancel-booking";
import { rescheduleBooking } from "@/lib/booking/reschedule-booking";
import { SYMPTOM_ADVICE } from "@/lib/clinical/symptom-advice";
import { prisma } from "@/lib/db";
import { bookingUid } from "@/lib/notifications/calendar-event";
import { deliverOutbox } from "@/lib/notifications/deliver-outbox";
import { createSmtpTransport } from "@/lib/notifications/email-transport";
import { clinicTimeAhead, confirmedBooking } from "../support/confirmed-booking";
import { ENGINE } from "../support/db-setup";
import { startPaymentsHarness, type PaymentsHarness } from "../support/payments-harness";
import { startSmtpSink, type ReceivedMail, type SmtpSink } from "../support/smtp-sink";

// A switch that makes the shared email frame throw, as a broken template would.
const templates = vi.hoisted(() => ({ broken: false }));
vi.mock("@/lib/notifications/templates/email-layout", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/notifications/templates/email-layout")>();
  return {
    ...actual,
    EmailLayout: (props: Parameters<typeof actual.EmailLayout>[0]) => {
      if (templates.broken) throw new Error("template exploded");
      return actual.EmailLayout(props);
    },
  };
});

let harness: PaymentsHarness;
let sink: SmtpSink;
let dayOffset = 10;
beforeAll(async () => {
  harness = await startPaymentsHarness();
  sink = await startSmtpSink();
});
afterAll(async () => {
  await harness.close();
  await sink.stop();
});
afterEach(() => {
  templates.broken = false;
  vi.restoreAllMocks();
});

async function deliverToSink(): Promise<void> {
  const transport = createSmtpTransport(sink.url, "Clinic Test <clinic@example.test>");
  try {
    // Earlier tests' messages may be due too; deliver until none is left.
    while ((await deliverOutbox({ transport })).sent > 0);
  } finally {
    transport.close();
  }
}

function mailTo(address: string, subject: RegExp): ReceivedMail {
  const mails = sink.received.filter((mail) => mail.to.includes(address) && subject.test(mail.subject));
  expect(mails).toHaveLength(1);
  return mails[0] as ReceivedMail;
}

function partOf(mail: ReceivedMail, type: string) {
  const part = mail.parts.find((candidate) => candidate.contentType.toLowerCase().startsWith(type));
  expect(part, `a ${type} part`).toBeDefined();
  return part as NonNullable<typeof part>;
}

function calendarOf(mail: ReceivedMail) {
  const part = partOf(mail, "text/calendar");
  const events = Object.values(ical.sync.parseICS(part.body)).filter((entry) => entry?.type === "VEVENT");
  expect(events).toHaveLength(1);
  return { contentType: part.contentType, text: part.body, event: events[0] as VEvent };
}

const messagesOf = (bookingId: string) =>
  prisma.emailOutbox.findMany({
    where: { bookingId },
    orderBy: { createdAt: "asc" },
    select: { template: true, userId: true, dedupeKey: true, html: true, text: true, attachments: true },
  });

describe(`booking messages over SMTP (${ENGINE})`, () => {
  it("confirms, moves and cancels one calendar event: HTML and text parts, same UID, rising SEQUENCE, CANCEL", async () => {
    const day = dayOffset++;
    const start = clinicTimeAhead(day, 10);
    const { bookingId, client } = await confirmedBooking(harness, { start });
    await deliverToSink();

    const confirmation = mailTo(client.email, /^Booked:/);
    const html = partOf(confirmation, "text/html").body;
    expect(html).toMatch(/<html[^>]*lang="en"/);
    expect(html).toMatch(/<h1[^>]*>Your appointment is booked<\/h1>/);
    expect(html).not.toMatch(/<img|<link rel="stylesheet"|<style/);
    const text = partOf(confirmation, "text/plain").body;
    expect(text).toMatch(/Second Heart Calf Clinic/);
    expect(text).toMatch(/\(718\) 555-0142/);
    expect(text.replace(/\s+/g, " ")).toContain(SYMPTOM_ADVICE.sameDay);
    expect(text.replace(/\s+/g, " ")).toContain(SYMPTOM_ADVICE.emergency);
    const booked = calendarOf(confirmation);
    expect(booked.contentType).toMatch(/text\/calendar; method=REQUEST/i);
    expect(booked.text).toMatch(/METHOD:REQUEST/);
    expect(booked.event.uid).toBe(bookingUid(bookingId));
    expect(new Date(booked.event.start).toISOString()).toBe(start.toISOString());
    expect(booked.text).toMatch(/SEQUENCE:0/);

    const moved = clinicTimeAhead(day + 1, 15, 30);
    await rescheduleBooking({ bookingId, actor: { id: client.id, role: "CLIENT" }, start: moved });
    await deliverToSink();
    const move = calendarOf(mailTo(client.email, /^Moved:/));
    expect(move.text).toMatch(/METHOD:REQUEST/);
    expect(move.event.uid).toBe(bookingUid(bookingId));
    expect(new Date(move.event.start).toISOString()).toBe(moved.toISOString());
    expect(move.text).toMatch(/SEQUENCE:1/);

    await cancelBooking({ bookingId, actor: { id: client.id, role: "CLIENT" } });
    await harness.emulator.waitForWebhooks();
    await deliverToSink();
    const cancellation = mailTo(client.email, /^Cancelled:/);
    const cancel = calendarOf(cancellation);
    expect(cancel.contentType).toMatch(/method=CANCEL/i);
    expect(cancel.text).toMatch(/METHOD:CANCEL/);
    expect(cancel.event.uid).toBe(bookingUid(bookingId));
    expect(cancel.text).toMatch(/SEQUENCE:2/);
    expect(partOf(cancellation, "text/plain").body).toMatch(/is cancelled/);
    expect(mailTo(client.email, /^Refund sent:/).parts.some((part) => part.contentType.startsWith("text/html"))).toBe(
      true,
    );

    // Each change wrote its message once, to the client's own list.
    const messages = await messagesOf(bookingId);
    expect(messages.map((message) => message.template)).toEqual([
      "booking-confirmed",
      "booking-rescheduled",
      "booking-cancelled",
      "refund-sent",
    ]);
    expect(messages.every((message) => message.userId === client.id)).toBe(true);
    expect(new Set(messages.map((message) => message.dedupeKey)).size).toBe(4);
  });

  it("books the visit when the template throws, and sends a plain message with the calendar file", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    templates.broken = true;
    const start = clinicTimeAhead(dayOffset++, 12);
    const { bookingId, client } = await confirmedBooking(harness, { start });

    const booking = await prisma.booking.findUniqueOrThrow({ where: { id: bookingId }, select: { status: true } });
    expect(booking.status).toBe("CONFIRMED");
    const [message] = await messagesOf(bookingId);
    expect(message).toMatchObject({ template: "booking-confirmed", userId: client.id, html: null });
    expect(message?.text).toMatch(/\/account/);
    expect(JSON.stringify(message?.attachments)).toMatch(/METHOD:REQUEST/);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/booking-confirmed template failed/), "template exploded");
  });
});
