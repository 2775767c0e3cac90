// The order questions are asked in, and when a stop is shown: every question that can lead to 911 or
// a doctor today (a follow-up's too) is in the first section, and a doctor's go-ahead or "come when
// you're well" is shown only once every question is answered, so it never hides a later answer that
// needs a doctor today.
import { describe, expect, it } from "vitest";
import {
  allNoAnswers,
  canNeedCareNow,
  CURRENT_QUESTIONNAIRE,
  questionSections,
  stopToShow,
} from "@/lib/clinical/questionnaire";

const urgentOutcomes = ["emergency", "same_day"];

describe("question sections", () => {
  const { urgent, history } = questionSections();

  it("asks every question that can need a doctor now or today first, follow-ups' parents included", () => {
    for (const question of CURRENT_QUESTIONNAIRE.questions) {
      const outcomes = [question.outcomes.yes, ...(question.followUps ?? []).map((f) => f.outcomes.yes)];
      const needsCare = outcomes.some((outcome) => urgentOutcomes.includes(outcome));
      expect(urgent.includes(question), question.id).toBe(needsCare);
      expect(canNeedCareNow(question), question.id).toBe(needsCare);
    }
    for (const id of ["skinCondition", "varicoseVeins", "recentInjury"]) {
      expect(urgent.map((question) => question.id)).toContain(id);
    }
    expect(urgent.length + history.length).toBe(CURRENT_QUESTIONNAIRE.questions.length);
  });

  it("leaves nothing in the history that could be worse than a doctor's go-ahead", () => {
    for (const question of history) {
      for (const outcome of [question.outcomes.yes, ...(question.followUps ?? []).map((f) => f.outcomes.yes)]) {
        expect(urgentOutcomes, question.id).not.toContain(outcome);
      }
    }
  });
});

describe("the stop shown while answering", () => {
  const { urgent, history } = questionSections();
  const firstSectionNo = Object.fromEntries(urgent.map((question) => [question.id, false]));

  it("shows 911 and a doctor today at once, before the rest is answered", () => {
    expect(stopToShow({ chestPainOrBreathlessness: true })?.outcome).toBe("emergency");
    expect(stopToShow({ varicoseVeins: true, veinHardPainful: true })?.outcome).toBe("same_day");
  });

  it("holds a doctor's go-ahead or a reschedule back until every question is answered", () => {
    // A clearance in the history, with a same-day follow-up in the first section not yet answered.
    const partial = { walkingPain: true, feverOrUnwell: true };
    expect(stopToShow(partial)).toBeNull();
    expect(stopToShow({ ...firstSectionNo, walkingPain: true })).toBeNull();
    // A yes whose follow-up is still open is not every question answered.
    const all = { ...allNoAnswers(), walkingPain: true };
    expect(stopToShow({ ...all, skinCondition: true })).toBeNull();
    expect(stopToShow(all)?.outcome).toBe("clearance");
    expect(stopToShow({ ...allNoAnswers(), feverOrUnwell: true })?.outcome).toBe("reschedule");
  });

  it("lets the worst outcome win once all is answered", () => {
    const answers = { ...allNoAnswers(), walkingPain: true, skinCondition: true, skinInfection: true };
    expect(stopToShow(answers)?.outcome).toBe("same_day");
    expect(stopToShow(answers)?.triggers).toEqual(["skinInfection"]);
    expect(stopToShow(allNoAnswers())).toBeNull();
    expect(history.length).toBeGreaterThan(0);
  });
});
