// What staff see of a client's answers over time: each appointment shows its own questionnaire
// version and the questions as they were asked (a first-edition booking keeps its flat answers
// readable), and what changed since the client's previous visit. Returning clients online get their
// last answers of the current version from the last 6 months, never older ones.
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db";
import { findLastIntake } from "@/lib/booking/last-intake";
import { askedQuestions } from "@/lib/booking/intake";
import { QUESTIONNAIRE_V1 } from "@/lib/clinical/questionnaire";
import { openStaffAppointment } from "@/lib/schedule/appointment";
import { CLEAR_INTAKE } from "../support/booking-scenario";
import { ENGINE } from "../support/db-setup";
import { bookingData } from "../support/factories";
import { createStaffScenario } from "../support/staff-scenario";

const DAY_MS = 24 * 60 * 60 * 1000;
const V1_FLAT = {
  ...Object.fromEntries(QUESTIONNAIRE_V1.questions.map((question) => [question.id, false])),
  pregnant: true,
  notes: "Second trimester",
};

describe(`intake history for staff (${ENGINE})`, () => {
  it("shows a first-edition booking with its own questions, and what changed at the next visit", async () => {
    const s = await createStaffScenario();
    const earlier = await prisma.booking.create({
      data: {
        ...bookingData({
          clientId: s.client.id,
          therapistId: s.mine.id,
          service: s.service,
          startsAt: new Date(Date.now() - 40 * DAY_MS),
        }),
        intake: V1_FLAT,
      },
    });
    const viewer = await s.viewers.therapist();

    const old = await openStaffAppointment(viewer, earlier.id);
    expect(old.intake?.version).toBe(1);
    expect(old.intake?.notes).toBe("Second trimester");
    expect(askedQuestions(old.intake!).map((question) => question.text)).toEqual(
      QUESTIONNAIRE_V1.questions.map((question) => question.text),
    );
    expect(old.screening?.cautions.map((caution) => caution.questionId)).toEqual(["pregnant"]);
    expect(old.changesSinceLastVisit).toBeNull();

    // The later visit (version 2, varicose veins now yes) against the first edition's answers.
    const now = await openStaffAppointment(viewer, s.booking.id);
    expect(now.intake?.version).toBe(2);
    expect(now.changesSinceLastVisit?.visitStartsAt).toEqual(earlier.startsAt);
    expect(now.changesSinceLastVisit?.changes.map((change) => [change.id, change.before, change.after])).toEqual([
      ["varicoseVeins", false, true],
    ]);
  });

  it("compares with the last visit that took place: not a cancelled, unpaid or future booking", async () => {
    const s = await createStaffScenario();
    const visit = (daysFromNow: number, status: Parameters<typeof bookingData>[0]["status"], answers = {}) =>
      prisma.booking.create({
        data: {
          ...bookingData({
            clientId: s.client.id,
            therapistId: s.mine.id,
            service: s.service,
            startsAt: new Date(Date.now() + daysFromNow * DAY_MS),
            status,
          }),
          intake: { ...CLEAR_INTAKE, answers: { ...CLEAR_INTAKE.answers, ...answers } },
        },
      });
    const tookPlace = await visit(-40, "COMPLETED");
    // Each of these has varicose veins yes, as the booking opened has: compared with them, "nothing".
    const same = { varicoseVeins: true, veinHardPainful: false };
    await visit(-10, "CANCELLED", same);
    await visit(-5, "PENDING_PAYMENT", same);
    await visit(-3, "EXPIRED", same);
    const viewer = await s.viewers.therapist();
    const opened = await openStaffAppointment(viewer, s.booking.id);
    expect(opened.changesSinceLastVisit?.visitStartsAt).toEqual(tookPlace.startsAt);
    expect(opened.changesSinceLastVisit?.changes.map((change) => change.id)).toEqual(["varicoseVeins"]);

    // A visit still to come is compared with the last one that took place, not a confirmed one before it.
    const future = await visit(10, "CONFIRMED", same);
    await visit(5, "CONFIRMED");
    const ahead = await openStaffAppointment(viewer, future.id);
    expect(ahead.changesSinceLastVisit?.visitStartsAt).toEqual(s.booking.startsAt);
    expect(ahead.changesSinceLastVisit?.changes).toEqual([]);
  });

  it("finds a returning client's last answers of this version from the last 6 months only", async () => {
    const s = await createStaffScenario();
    const last = await findLastIntake(s.client.id);
    expect(last?.bookingId).toBe(s.booking.id);
    expect(last?.intake).toEqual({
      ...CLEAR_INTAKE,
      answers: { ...CLEAR_INTAKE.answers, varicoseVeins: true, veinHardPainful: false },
    });
    expect(await findLastIntake(s.client.id, new Date(Date.now() + 190 * DAY_MS))).toBeNull();
    expect(await findLastIntake(s.otherClient.id)).toBeNull(); // a booking without answers of this version
  });
});
