// A fortnight of clinic life around the seeding day (completed visits with notes and calf records, a
// no-show, a refund, visits to come, a hold), so a newcomer signing in as staff sees a working clinic.
// Planned inside each therapist's hours, never overlapping; a second run adds nothing.
import { randomUUID } from "node:crypto";
import { allNoIntake, type IntakeAnswers } from "@/lib/booking/intake";
import type { BookingStatus } from "@/lib/booking/status";
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import type { CalfRecords, SoapField } from "@/lib/clinical/treatment-note-schema";
import { addDays, clinicToday, clinicWeekday, parseIsoDate, wallTimeToUtc } from "@/lib/time/clinic-time";

/** Clients who exist only for the fortnight (no password: they are not demo sign-ins). */
export const FORTNIGHT_CLIENTS = [
  { key: "trend", email: "alex.rivera@clinic.test", name: "Alex Rivera", phone: "+1 617 555 0142", verified: true },
  { key: "hold", email: "jamie.chen@clinic.test", name: "Jamie Chen", phone: "+1 617 555 0178", verified: false },
  { key: "other", email: "noor.haddad@clinic.test", name: "Noor Haddad", phone: null, verified: true },
  { key: "other", email: "sam.whitfield@clinic.test", name: "Sam Whitfield", phone: "+1 617 555 0119", verified: true },
  { key: "other", email: "morgan.lee@clinic.test", name: "Morgan Lee", phone: "+1 617 555 0163", verified: true },
  { key: "other", email: "taylor.brooks@clinic.test", name: "Taylor Brooks", phone: null, verified: false },
  { key: "other", email: "riley.santos@clinic.test", name: "Riley Santos", phone: "+1 617 555 0127", verified: true },
  { key: "other", email: "devon.price@clinic.test", name: "Devon Price", phone: "+1 617 555 0190", verified: true },
  { key: "other", email: "elena.petrova@clinic.test", name: "Elena Petrova", phone: null, verified: true },
  { key: "other", email: "hugo.martins@clinic.test", name: "Hugo Martins", phone: "+1 617 555 0155", verified: true },
] as const;

export const FORTNIGHT_DAYS = { before: 9, after: 4 } as const;
const HOLD_MINUTES = 25;
const MAX_VISITS_PER_DAY = 3;
// Breathing room between one visit's buffer and the next start, in turn, so the day has free times.
const GAPS = [30, 75, 45];

// ---------------------------------------------------------------- planning (pure)

export interface PlanTherapist {
  id: string;
  userId: string;
  hours: { weekday: number; startMinute: number; endMinute: number }[];
  breaks: { weekday: number; startMinute: number; endMinute: number }[];
  services: {
    id: string;
    name: string;
    durationMinutes: number;
    bufferMinutes: number;
    priceCents: number;
    currency: string;
  }[];
}

export interface PlanClients {
  /** Seen by the first therapist on each of their recent days: the calf trend. */
  trend: string;
  /** The demo client account: one visit done, one to come. */
  demo: string;
  /** Holds the unpaid time. */
  hold: string;
  /** Everyone else, in turn (the no-show and the visit under way among them). */
  others: string[];
}

export type VisitRole = "trend" | "demo" | "no_show" | "cancelled" | "hold" | "in_progress" | "visit";

export interface PlannedVisit {
  therapistId: string;
  therapistUserId: string;
  clientId: string;
  service: PlanTherapist["services"][number];
  startsAt: Date;
  endsAt: Date;
  blockedUntil: Date;
  status: BookingStatus;
  role: VisitRole;
  /** For the trend client: 0 for the first visit. */
  trendIndex?: number;
}

interface Slot {
  therapist: PlanTherapist;
  service: PlanTherapist["services"][number];
  startsAt: Date;
  endsAt: Date;
  blockedUntil: Date;
  day: string;
}

const overlaps = (a: { startsAt: Date; blockedUntil: Date }, b: { startsAt: Date; blockedUntil: Date }) =>
  a.startsAt < b.blockedUntil && b.startsAt < a.blockedUntil;

function instantOf(day: string, minute: number, timeZone: string): Date {
  const date = parseIsoDate(day);
  if (!date) throw new RangeError(day);
  return wallTimeToUtc({ ...date, hour: Math.floor(minute / 60), minute: minute % 60 }, timeZone);
}

/** Candidate visits: each working day of each therapist, a few visits inside hours and clear of breaks. */
function candidateSlots(
  therapists: PlanTherapist[],
  days: string[],
  timeZone: string,
  busy: { therapistId: string; startsAt: Date; blockedUntil: Date }[],
): Slot[] {
  const slots: Slot[] = [];
  let turn = 0;
  for (const [dayIndex, day] of days.entries()) {
    const weekday = clinicWeekday(day);
    for (const [therapistIndex, therapist] of therapists.entries()) {
      // One to three visits a day, varying, so the schedule reads like a real one with free times.
      const limit = 1 + ((dayIndex + therapistIndex) % MAX_VISITS_PER_DAY);
      if (therapist.services.length === 0) continue;
      for (const hours of therapist.hours.filter((h) => h.weekday === weekday)) {
        const breaks = therapist.breaks.filter((b) => b.weekday === weekday);
        let minute = hours.startMinute;
        let placed = 0;
        while (placed < limit) {
          const service = therapist.services[turn % therapist.services.length] as Slot["service"];
          const end = minute + service.durationMinutes;
          const blocked = end + service.bufferMinutes;
          if (blocked > hours.endMinute) break;
          const clash = breaks.find((b) => minute < b.endMinute && b.startMinute < blocked);
          if (clash) {
            minute = clash.endMinute;
            continue;
          }
          const slot = {
            therapist,
            service,
            day,
            startsAt: instantOf(day, minute, timeZone),
            endsAt: instantOf(day, end, timeZone),
            blockedUntil: instantOf(day, blocked, timeZone),
          };
          if (!busy.some((b) => b.therapistId === therapist.id && overlaps(b, slot))) {
            slots.push(slot);
            placed++;
            turn++;
          }
          minute = blocked + (GAPS[(turn + placed) % GAPS.length] as number);
          minute = Math.ceil(minute / 15) * 15;
        }
      }
    }
  }
  return slots.sort(
    (a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.therapist.id.localeCompare(b.therapist.id),
  );
}

/**
 * The fortnight's visits: who comes when, in which state. Deterministic for a given `now`; visits
 * that have ended are done (or a no-show, or cancelled), one under way is checked in, later ones confirmed.
 */
export function planDemoFortnight(input: {
  now: Date;
  timeZone: string;
  therapists: PlanTherapist[];
  clients: PlanClients;
  busy?: { therapistId: string; startsAt: Date; blockedUntil: Date }[];
}): PlannedVisit[] {
  const { now, timeZone, therapists, clients } = input;
  const today = clinicToday(timeZone, now);
  const days = Array.from({ length: FORTNIGHT_DAYS.before + FORTNIGHT_DAYS.after + 1 }, (_, i) =>
    addDays(today, i - FORTNIGHT_DAYS.before),
  );
  const slots = candidateSlots(therapists, days, timeZone, input.busy ?? []);
  const past = slots.filter((s) => s.endsAt <= now);
  const current = slots.filter((s) => s.startsAt <= now && now < s.endsAt);
  const future = slots.filter((s) => s.startsAt > now);
  const roles = new Map<Slot, { role: VisitRole; status: BookingStatus; clientId?: string; trendIndex?: number }>();
  const free = (list: Slot[]) => list.filter((s) => !roles.has(s));

  // The trend: the first therapist's first visit on each of their last four days before today.
  const lead = therapists[0];
  const leadDays = [...new Set(past.filter((s) => s.therapist === lead && s.day < today).map((s) => s.day))];
  leadDays.slice(-4).forEach((day, trendIndex) => {
    const slot = past.find((s) => s.therapist === lead && s.day === day) as Slot;
    roles.set(slot, { role: "trend", status: "COMPLETED", clientId: clients.trend, trendIndex });
  });

  const noShow =
    free(past)
      .filter((s) => s.therapist !== lead)
      .at(-1) ?? free(past).at(-1);
  if (noShow) roles.set(noShow, { role: "no_show", status: "NO_SHOW" });
  const cancelled = free(past)[1] ?? free(past)[0];
  if (cancelled) roles.set(cancelled, { role: "cancelled", status: "CANCELLED", clientId: clients.demo });
  const demoDone = free(past).at(-2);
  if (demoDone) roles.set(demoDone, { role: "demo", status: "COMPLETED", clientId: clients.demo });
  for (const slot of current) roles.set(slot, { role: "in_progress", status: "CHECKED_IN" });

  // To come: the demo client's furthest visit (well past any cancellation cut-off), the trend
  // client's next one with the same therapist, and an unpaid hold on a later day.
  const demoNext = free(future).at(-1);
  if (demoNext) roles.set(demoNext, { role: "demo", status: "CONFIRMED", clientId: clients.demo });
  const trendNext = free(future).find((s) => s.therapist === lead && s.day > today);
  if (trendNext) roles.set(trendNext, { role: "trend", status: "CONFIRMED", clientId: clients.trend });
  const hold = free(future)
    .filter((s) => s.day > today)
    .at(-1);
  if (hold) roles.set(hold, { role: "hold", status: "PENDING_PAYMENT", clientId: clients.hold });

  // Everyone else in turn, never one client in two places at once (cancelled visits aside).
  const taken: { clientId: string; startsAt: Date; blockedUntil: Date }[] = [...roles.entries()]
    .filter(([, r]) => r.clientId && r.status !== "CANCELLED")
    .map(([slot, r]) => ({ clientId: r.clientId as string, startsAt: slot.startsAt, blockedUntil: slot.blockedUntil }));
  const visits: PlannedVisit[] = [];
  let turn = 0;
  for (const slot of slots) {
    const assigned = roles.get(slot);
    const status = assigned?.status ?? (slot.endsAt <= now ? "COMPLETED" : "CONFIRMED");
    let clientId = assigned?.clientId;
    if (!clientId) {
      const pool = clients.others;
      for (let tries = 0; tries < pool.length && !clientId; tries++) {
        const candidate = pool[(turn + tries) % pool.length] as string;
        if (!taken.some((t) => t.clientId === candidate && overlaps(t, slot))) {
          clientId = candidate;
          turn += tries + 1;
        }
      }
      if (!clientId) continue;
      if (status !== "CANCELLED") taken.push({ clientId, startsAt: slot.startsAt, blockedUntil: slot.blockedUntil });
    }
    visits.push({
      therapistId: slot.therapist.id,
      therapistUserId: slot.therapist.userId,
      clientId,
      service: slot.service,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      blockedUntil: slot.blockedUntil,
      status,
      role: assigned?.role ?? "visit",
      trendIndex: assigned?.trendIndex,
    });
  }
  return visits;
}

// ---------------------------------------------------------------- notes (fixed demo text)

const TREND_SCORES: { LEFT: [number, number, number]; RIGHT: [number, number, number] }[] = [
  { LEFT: [8, 5, 6], RIGHT: [6, 4, 4] },
  { LEFT: [7, 4, 5], RIGHT: [6, 3, 4] },
  { LEFT: [5, 3, 3], RIGHT: [4, 3, 2] },
  { LEFT: [4, 2, 2], RIGHT: [3, 2, 1] },
];

const calfOf = (scores: { LEFT: [number, number, number]; RIGHT: [number, number, number] }): CalfRecords => {
  const side = ([tension, swelling, tenderness]: [number, number, number]) => ({ tension, swelling, tenderness });
  return { LEFT: side(scores.LEFT), RIGHT: side(scores.RIGHT) };
};

const TREND_NOTES: Record<SoapField, string>[] = [
  {
    subjective:
      "Retail job, on their feet 9 hours. Both calves ache and feel heavy by evening, left worse. No sudden pain, no warmth.",
    objective:
      "Left calf firm through the medial gastrocnemius; slight puffiness above both ankles, pits briefly. Skin intact.",
    assessment: "Muscle tension and fluid pooling after long standing; screening clear.",
    plan: "Long strokes toward the knee, kneading, legs raised 5 min. Ankle pumps hourly at work. Review in one week.",
  },
  {
    subjective: "Heaviness eased for two days after last visit. Doing ankle pumps on breaks most days.",
    objective: "Left calf still firm but gives more under pressure; ankle puffiness less marked.",
    assessment: "Improving; tension slower to change than swelling.",
    plan: "Same routine plus seated calf raises. Suggested supportive shoes for long shifts. Review in one week.",
  },
  {
    subjective: "Legs feel lighter at the end of a shift. Left calf only tight after back-to-back days.",
    objective:
      "Soft tissue much easier to work; minimal ankle puffiness; tender only at the mid-belly of the left calf.",
    assessment: "Good response to treatment and home exercises.",
    plan: "Continue home routine; add an evening walk. Next visit in one week, then spread out.",
  },
  {
    subjective: "Best week so far. Occasional mild ache on the left after long days, gone by morning.",
    objective: "Calves supple both sides; no visible swelling.",
    assessment: "Maintenance stage.",
    plan: "Monthly maintenance visit; keep ankle pumps and walking. Reminded them of the warning signs that need a doctor.",
  },
];

const VISIT_NOTES: {
  soap: Record<SoapField, string>;
  calf: { LEFT: [number, number, number]; RIGHT: [number, number, number] };
}[] = [
  {
    soap: {
      subjective: "Runner, 40 km a week. Right calf tight after a hill session; no sudden pain or swelling.",
      objective: "Right soleus dense and tender mid-belly; left unremarkable. Full ankle range.",
      assessment: "Training-load tightness.",
      plan: "Deeper work on the soleus, assisted stretches. Easy runs only for two days.",
    },
    calf: { LEFT: [3, 1, 2], RIGHT: [7, 1, 5] },
  },
  {
    soap: {
      subjective: "Desk worker, legs feel restless and heavy by afternoon.",
      objective: "Both calves moderately tight; no swelling.",
      assessment: "Prolonged sitting.",
      plan: "Calf work and ankle mobility; hourly movement breaks and seated heel raises.",
    },
    calf: { LEFT: [5, 1, 2], RIGHT: [5, 1, 3] },
  },
  {
    soap: {
      subjective: "Back from a 10-hour flight last month; legs fine since, wants to prepare for the next trip.",
      objective: "Calves soft; mild tightness in the left Achilles area.",
      assessment: "No concerns today.",
      plan: "Practised seat exercises and walking breaks; gave the long-haul movement plan.",
    },
    calf: { LEFT: [3, 0, 1], RIGHT: [2, 0, 1] },
  },
];

// ---------------------------------------------------------------- writing

function noteRows(visit: PlannedVisit, bookingId: string, index: number) {
  const trend = visit.role === "trend" && visit.trendIndex !== undefined;
  const template = VISIT_NOTES[index % VISIT_NOTES.length] as (typeof VISIT_NOTES)[number];
  const scores = trend ? (TREND_SCORES[visit.trendIndex as number] ?? template.calf) : template.calf;
  const soap = trend ? (TREND_NOTES[visit.trendIndex as number] ?? template.soap) : template.soap;
  const calf = calfOf(scores);
  const savedAt = new Date(visit.endsAt.getTime() + 10 * 60_000);
  const noteId = randomUUID();
  // The first trend visit was amended later: its history shows both versions.
  const amended = trend && visit.trendIndex === 0;
  const finalSoap = amended
    ? { ...soap, plan: `${soap.plan} Client called two days later: heaviness eased; no new symptoms.` }
    : soap;
  return {
    note: {
      id: noteId,
      bookingId,
      authorId: visit.therapistUserId,
      ...finalSoap,
      version: amended ? 2 : 1,
      createdAt: savedAt,
      updatedAt: amended ? new Date(savedAt.getTime() + 2 * 86_400_000) : savedAt,
    },
    revisions: [
      { noteId, version: 1, authorId: visit.therapistUserId, ...soap, calfRecords: calf, createdAt: savedAt },
      ...(amended
        ? [
            {
              noteId,
              version: 2,
              authorId: visit.therapistUserId,
              ...finalSoap,
              calfRecords: calf,
              reason: "Follow-up phone call added to the plan.",
              createdAt: new Date(savedAt.getTime() + 2 * 86_400_000),
            },
          ]
        : []),
    ],
    calf: (["LEFT", "RIGHT"] as const).map((side) => ({
      bookingId,
      side,
      ...(calf[side] as NonNullable<CalfRecords["LEFT"]>),
      createdAt: savedAt,
    })),
  };
}

const INTAKES: IntakeAnswers[] = [
  allNoIntake(),
  {
    ...allNoIntake({ notes: "A few small veins behind the left knee." }),
    answers: { ...allNoIntake().answers, varicoseVeins: true, veinHardPainful: false },
  },
  allNoIntake({ medications: "Vitamin D", notes: "Training for a half marathon." }),
];

async function upsertFortnightClients(prisma: PrismaClient, now: Date) {
  const ids: { trend: string; hold: string; others: string[] } = { trend: "", hold: "", others: [] };
  for (const client of FORTNIGHT_CLIENTS) {
    const user = await prisma.user.upsert({
      where: { email: client.email },
      create: {
        email: client.email,
        name: client.name,
        phone: client.phone,
        role: "CLIENT",
        emailVerified: client.verified ? now : null,
      },
      update: {},
      select: { id: true },
    });
    if (client.key === "trend") ids.trend = user.id;
    else if (client.key === "hold") ids.hold = user.id;
    else ids.others.push(user.id);
  }
  return ids;
}

/** Writes the fortnight unless it is there already; returns how many visits it wrote. */
export async function seedDemoFortnight(
  prisma: PrismaClient,
  options: { now: Date; timeZone: string; demoClientEmail: string; deskStaffEmail: string },
): Promise<number> {
  const { now, timeZone } = options;
  const emails = FORTNIGHT_CLIENTS.map((c) => c.email);
  if ((await prisma.booking.count({ where: { client: { email: { in: emails } } } })) > 0) return 0;

  const clients = await upsertFortnightClients(prisma, now);
  const demo = await prisma.user.findUniqueOrThrow({ where: { email: options.demoClientEmail }, select: { id: true } });
  const desk = await prisma.user.findUnique({ where: { email: options.deskStaffEmail }, select: { id: true } });
  const rows = await prisma.therapist.findMany({
    where: { user: { email: { endsWith: "@clinic.test" } } },
    orderBy: { slug: "asc" },
    select: {
      id: true,
      userId: true,
      user: { select: { email: true } },
      workingHours: { select: { weekday: true, startMinute: true, endMinute: true } },
      breaks: { select: { weekday: true, startMinute: true, endMinute: true } },
      services: {
        where: { service: { active: true } },
        orderBy: { service: { sortOrder: "asc" } },
        select: {
          service: {
            select: {
              id: true,
              name: true,
              durationMinutes: true,
              bufferMinutes: true,
              priceCents: true,
              currency: true,
            },
          },
        },
      },
    },
  });
  // The demo therapist account first: the trend client is theirs, so it shows when they sign in.
  const therapists: PlanTherapist[] = rows
    .sort((a, b) => Number(b.user.email === "therapist@clinic.test") - Number(a.user.email === "therapist@clinic.test"))
    .map((t) => ({
      id: t.id,
      userId: t.userId,
      hours: t.workingHours,
      breaks: t.breaks,
      services: t.services.map((s) => s.service),
    }));
  const from = new Date(now.getTime() - (FORTNIGHT_DAYS.before + 1) * 86_400_000);
  const to = new Date(now.getTime() + (FORTNIGHT_DAYS.after + 2) * 86_400_000);
  const busy = await prisma.booking.findMany({
    where: {
      therapistId: { in: therapists.map((t) => t.id) },
      status: { in: ["PENDING_PAYMENT", "CONFIRMED", "CHECKED_IN"] },
      startsAt: { lt: to },
      blockedUntil: { gt: from },
    },
    select: { therapistId: true, startsAt: true, blockedUntil: true },
  });

  const visits = planDemoFortnight({
    now,
    timeZone,
    therapists,
    clients: { trend: clients.trend, demo: demo.id, hold: clients.hold, others: clients.others },
    busy,
  });

  const bookings: Prisma.BookingCreateManyInput[] = [];
  const payments: Prisma.PaymentCreateManyInput[] = [];
  const refunds: Prisma.RefundCreateManyInput[] = [];
  const notes: Prisma.TreatmentNoteCreateManyInput[] = [];
  const revisions: Prisma.TreatmentNoteRevisionCreateManyInput[] = [];
  const calfRecords: Prisma.CalfRecordCreateManyInput[] = [];

  visits.forEach((visit, index) => {
    const id = randomUUID();
    const bookedAt = new Date(Math.min(visit.startsAt.getTime() - 4 * 86_400_000, now.getTime() - 3_600_000));
    const upcoming = visit.startsAt > now;
    // Visits still to come were booked by phone and paid at the desk: cancelling one in the demo
    // refunds at the desk, with no card payment the offline Stripe emulator would not know.
    const atDesk = upcoming && visit.status === "CONFIRMED" && desk !== null;
    bookings.push({
      id,
      clientId: visit.clientId,
      therapistId: visit.therapistId,
      serviceId: visit.service.id,
      status: visit.status,
      startsAt: visit.startsAt,
      endsAt: visit.endsAt,
      blockedUntil: visit.blockedUntil,
      serviceName: visit.service.name,
      durationMinutes: visit.service.durationMinutes,
      priceCents: visit.service.priceCents,
      currency: visit.service.currency,
      intake: INTAKES[index % INTAKES.length] as Prisma.InputJsonValue,
      holdExpiresAt: visit.status === "PENDING_PAYMENT" ? new Date(now.getTime() + HOLD_MINUTES * 60_000) : null,
      confirmedAt: visit.status === "PENDING_PAYMENT" ? null : bookedAt,
      checkedInAt: ["CHECKED_IN", "COMPLETED"].includes(visit.status)
        ? new Date(visit.startsAt.getTime() - 5 * 60_000)
        : null,
      completedAt: visit.status === "COMPLETED" ? visit.endsAt : null,
      cancelledAt: visit.status === "CANCELLED" ? new Date(visit.startsAt.getTime() - 3 * 86_400_000) : null,
      cancelledById: visit.status === "CANCELLED" ? visit.clientId : null,
      cancelReason: visit.status === "CANCELLED" ? "Work trip moved; will book again." : null,
      bookedById: atDesk ? desk.id : null,
      createdAt: visit.status === "PENDING_PAYMENT" ? new Date(now.getTime() - 5 * 60_000) : bookedAt,
    });
    // An unpaid hold has no payment yet (as between the hold and its checkout page), so the
    // background jobs never ask Stripe about a checkout that only the seed knows.
    if (visit.status !== "PENDING_PAYMENT") {
      const paymentId = randomUUID();
      const refunded = visit.status === "CANCELLED";
      payments.push({
        id: paymentId,
        bookingId: id,
        method: atDesk ? "DESK" : "STRIPE_CHECKOUT",
        stripeCheckoutSessionId: atDesk ? null : `cs_test_demo_${id.replaceAll("-", "")}`,
        stripePaymentIntentId: atDesk ? null : `pi_demo_${id.replaceAll("-", "")}`,
        status: refunded ? "REFUNDED" : "SUCCEEDED",
        amountCents: visit.service.priceCents,
        amountRefundedCents: refunded ? visit.service.priceCents : 0,
        currency: visit.service.currency,
        paidAt: bookedAt,
        createdAt: bookedAt,
      });
      if (refunded) {
        refunds.push({
          paymentId,
          stripeRefundId: `re_demo_${id.replaceAll("-", "")}`,
          idempotencyKey: `demo-refund-${id}`,
          amountCents: visit.service.priceCents,
          reason: "cancellation:full_notice",
          status: "SUCCEEDED",
          createdById: visit.clientId,
          createdAt: new Date(visit.startsAt.getTime() - 3 * 86_400_000),
        });
      }
    }
    if (visit.status === "COMPLETED") {
      const written = noteRows(visit, id, index);
      notes.push(written.note);
      revisions.push(...written.revisions);
      calfRecords.push(...written.calf);
    }
  });

  await prisma.$transaction([
    prisma.booking.createMany({ data: bookings }),
    prisma.payment.createMany({ data: payments }),
    prisma.refund.createMany({ data: refunds }),
    prisma.treatmentNote.createMany({ data: notes }),
    prisma.treatmentNoteRevision.createMany({ data: revisions }),
    prisma.calfRecord.createMany({ data: calfRecords }),
  ]);
  return bookings.length;
}
