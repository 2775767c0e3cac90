// The questionnaire's outcome table (version 2): every question and follow-up × answer → outcome,
// per service; the worst outcome wins; a recorded clearance turns its stop into a caution; and the
// intake schema's version and bad-input rules. The table below is the lead's clinical rule table.
import { describe, expect, it } from "vitest";
import {
  allNoIntake,
  askedQuestions,
  changesSince,
  intakeSchema,
  isCurrentIntake,
  readStoredIntake,
} from "@/lib/booking/intake";
import {
  allNoAnswers,
  allQuestions,
  CLEARANCE_ON_FILE,
  CURRENT_QUESTIONNAIRE,
  OUTCOME_MESSAGES,
  QUESTIONNAIRE_V1,
  screen,
} from "@/lib/clinical/questionnaire";

const SERVICES = [
  "calf-reset-30",
  "second-heart-massage-60",
  "lymphatic-drainage-legs",
  "sports-recovery-calves",
  "long-haul-legs",
];

// question → outcome of "yes" (any service unless listed), and its follow-up with the follow-up's "yes".
const TABLE: Record<string, { yes: string; perService?: Record<string, string>; followUp?: [string, string] }> = {
  chestPainOrBreathlessness: { yes: "emergency" },
  coldPaleFoot: { yes: "emergency" },
  suddenPainOrSwelling: { yes: "same_day" },
  restPainOrSores: { yes: "same_day" },
  walkingPain: { yes: "clearance" },
  clotHistory: { yes: "caution", followUp: ["clotRecent", "clearance"] },
  bloodThinnerOrBleeding: { yes: "caution" },
  recentSurgeryOrImmobility: { yes: "clearance" },
  recentVeinProcedure: { yes: "clearance" },
  pregnantOrPostpartum: { yes: "caution", followUp: ["gaveBirthRecently", "clearance"] },
  cancer: { yes: "clearance" },
  heartKidneyLiver: {
    yes: "caution",
    perService: { "lymphatic-drainage-legs": "clearance", "second-heart-massage-60": "clearance" },
  },
  diabetesNumbFeet: { yes: "caution" },
  skinCondition: { yes: "caution", followUp: ["skinInfection", "same_day"] },
  varicoseVeins: { yes: "caution", followUp: ["veinHardPainful", "same_day"] },
  recentInjury: { yes: "caution", followUp: ["injuryPopOrCantStand", "same_day"] },
  recentLongTrip: { yes: "caution" },
  feverOrUnwell: { yes: "reschedule" },
};

const no = allNoAnswers();

describe("questionnaire version 2", () => {
  it("asks exactly the questions of the rule table, in its order, with their follow-ups", () => {
    expect(CURRENT_QUESTIONNAIRE.version).toBe(2);
    expect(CURRENT_QUESTIONNAIRE.questions.map((question) => question.id)).toEqual(Object.keys(TABLE));
    for (const question of CURRENT_QUESTIONNAIRE.questions) {
      expect(
        (question.followUps ?? []).map((followUp) => followUp.id),
        question.id,
      ).toEqual(TABLE[question.id]!.followUp ? [TABLE[question.id]!.followUp![0]] : []);
    }
  });

  it("lets every answer of no through with nothing to say", () => {
    for (const serviceSlug of SERVICES) {
      expect(screen(no, { serviceSlug })).toEqual({
        outcome: "none",
        stops: false,
        triggers: [],
        cautions: [],
        message: null,
      });
    }
  });

  const cases = Object.entries(TABLE).flatMap(([id, rule]) =>
    SERVICES.map((serviceSlug) => [id, serviceSlug, rule.perService?.[serviceSlug] ?? rule.yes] as const),
  );
  it.each(cases)("%s = yes for %s → %s", (id, serviceSlug, expected) => {
    const result = screen({ ...no, [id]: true }, { serviceSlug });
    expect(result.outcome).toBe(expected);
    expect(result.stops).toBe(expected !== "caution");
    expect(result.triggers).toEqual([id]);
    expect(result.message).toEqual(OUTCOME_MESSAGES[expected as keyof typeof OUTCOME_MESSAGES]);
    if (expected === "caution") expect(result.cautions.map((caution) => caution.questionId)).toEqual([id]);
    else expect(result.cautions).toEqual([]);
  });

  const followUps = Object.entries(TABLE).flatMap(([id, rule]) =>
    rule.followUp ? [[id, ...rule.followUp] as const] : [],
  );
  it.each(followUps)("%s = yes, then %s = yes → %s; = no → the question's own caution", (id, followUp, expected) => {
    for (const serviceSlug of SERVICES) {
      const yes = screen({ ...no, [id]: true, [followUp]: true }, { serviceSlug });
      expect(yes.outcome).toBe(expected);
      expect(yes.triggers).toEqual([followUp]);
      const notNow = screen({ ...no, [id]: true, [followUp]: false }, { serviceSlug });
      expect(notNow.outcome).toBe("caution");
      expect(notNow.cautions.map((caution) => caution.questionId)).toEqual([id]);
    }
  });

  it.each(followUps)("ignores the follow-up %s… unless %s is yes", (id, followUp) => {
    expect(screen({ ...no, [id]: false, [followUp]: true }).outcome).toBe("none");
  });

  it("lets the worst outcome win and names every question that gave it", () => {
    const answers = {
      ...no,
      feverOrUnwell: true,
      cancer: true,
      walkingPain: true,
      varicoseVeins: true,
      veinHardPainful: false,
    };
    const result = screen(answers);
    expect(result.outcome).toBe("clearance");
    expect(result.triggers).toEqual(["walkingPain", "cancer"]);
    expect(screen({ ...answers, coldPaleFoot: true }).outcome).toBe("emergency");
    expect(screen({ ...answers, restPainOrSores: true }).outcome).toBe("same_day");
    expect(screen({ ...no, feverOrUnwell: true, clotHistory: true, clotRecent: false }).outcome).toBe("reschedule");
  });

  it("turns a clearance whose go-ahead is on file into a caution, and only that one", () => {
    const cleared = screen(
      { ...no, cancer: true, heartKidneyLiver: true },
      { serviceSlug: "lymphatic-drainage-legs", clearedQuestionIds: ["cancer", "heartKidneyLiver"] },
    );
    expect(cleared.outcome).toBe("caution");
    expect(cleared.stops).toBe(false);
    expect(cleared.cautions.map((caution) => caution.questionId)).toEqual(["cancer", "heartKidneyLiver"]);
    expect(cleared.cautions[0]!.note).toContain(CLEARANCE_ON_FILE);
    const partly = screen({ ...no, cancer: true, walkingPain: true }, { clearedQuestionIds: new Set(["cancer"]) });
    expect(partly.outcome).toBe("clearance");
    expect(partly.triggers).toEqual(["walkingPain"]);
    expect(screen({ ...no, clotHistory: true, clotRecent: true }, { clearedQuestionIds: ["clotRecent"] }).stops).toBe(
      false,
    );
    // A clearance never clears a same-day sign or an emergency.
    expect(
      screen({ ...no, suddenPainOrSwelling: true }, { clearedQuestionIds: ["suddenPainOrSwelling"] }).outcome,
    ).toBe("same_day");
  });

  it("says the right thing for each stop", () => {
    expect(OUTCOME_MESSAGES.emergency.title).toMatch(/911/);
    expect(OUTCOME_MESSAGES.same_day.body).toMatch(/doctor today|see you today/);
    expect(OUTCOME_MESSAGES.same_day.body).toMatch(/urgent care/);
    expect(OUTCOME_MESSAGES.clearance.body).toMatch(/go-ahead/);
    expect(OUTCOME_MESSAGES.clearance.body).toMatch(/call us/);
    expect(OUTCOME_MESSAGES.reschedule.body).toMatch(/48 hours without a fever/);
    expect(OUTCOME_MESSAGES.caution.body).toMatch(/therapist will check/);
  });
});

describe("intake schema", () => {
  const clear = allNoIntake();

  it("accepts the current version's complete answers and drops a follow-up asked after a no", () => {
    const parsed = intakeSchema.parse({ ...clear, answers: { ...clear.answers, clotRecent: true } });
    expect(parsed.answers).toEqual(clear.answers);
    expect(isCurrentIntake(parsed)).toBe(true);
  });

  it("names unknown ids, missing answers (a follow-up after a yes too) and wrong types", () => {
    const answers: Record<string, unknown> = { ...clear.answers, bogus: true, cancer: "yes", varicoseVeins: true };
    delete answers.coldPaleFoot;
    const parsed = intakeSchema.safeParse({ ...clear, answers });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join(".")).sort();
    expect(paths).toEqual(["answers.bogus", "answers.cancer", "answers.coldPaleFoot", "answers.veinHardPainful"]);
  });

  it("leaves an older version to be asked again (not a 400) and refuses a version that does not exist", () => {
    const v1 = intakeSchema.parse({ version: 1, answers: { pregnant: false } });
    expect(isCurrentIntake(v1)).toBe(false);
    expect(intakeSchema.safeParse({ ...clear, version: 3 }).success).toBe(false);
    expect(intakeSchema.safeParse({ ...clear, version: "2" }).success).toBe(false);
    expect(intakeSchema.safeParse({ ...clear, extra: 1 }).success).toBe(false);
  });

  it("bounds the free-text answers", () => {
    expect(intakeSchema.safeParse({ ...clear, notes: "x".repeat(1001) }).success).toBe(false);
    expect(intakeSchema.safeParse({ ...clear, medications: "  ibuprofen  " }).data?.medications).toBe("ibuprofen");
  });
});

describe("stored answers", () => {
  it("reads the first edition's flat shape with its own questions", () => {
    const v1 = Object.fromEntries(QUESTIONNAIRE_V1.questions.map((question) => [question.id, false]));
    const stored = readStoredIntake({ ...v1, pregnant: true, notes: "Due in May" });
    expect(stored?.version).toBe(1);
    expect(stored?.notes).toBe("Due in May");
    const asked = askedQuestions(stored!);
    expect(asked.map((question) => question.text)).toEqual(QUESTIONNAIRE_V1.questions.map((question) => question.text));
    expect(asked.find((question) => question.id === "pregnant")?.text).toMatch(/last 6 weeks/);
    expect(asked.find((question) => question.id === "pregnant")?.answer).toBe(true);
  });

  it("reads the versioned shape, follow-ups only where asked", () => {
    const stored = readStoredIntake({ version: 2, answers: { ...no, skinCondition: true, skinInfection: false } });
    const asked = askedQuestions(stored!);
    expect(asked).toHaveLength(CURRENT_QUESTIONNAIRE.questions.length + 1);
    expect(asked.find((question) => question.id === "skinInfection")).toMatchObject({ followUp: true, answer: false });
    expect(readStoredIntake({ whatever: true })).toBeNull();
  });

  it("lists what changed since an earlier visit", () => {
    const before = readStoredIntake({ version: 2, answers: no })!;
    const after = readStoredIntake({
      version: 2,
      answers: { ...no, recentLongTrip: true, varicoseVeins: true, veinHardPainful: false },
    })!;
    expect(changesSince(before, after).map((change) => [change.id, change.before, change.after])).toEqual([
      ["varicoseVeins", false, true],
      ["recentLongTrip", false, true],
    ]);
    expect(changesSince(after, after)).toEqual([]);
  });

  it("knows every question id once", () => {
    const ids = allQuestions().map((question) => question.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
