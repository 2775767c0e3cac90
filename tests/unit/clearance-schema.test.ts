// What staff type for a doctor's clearance: months counted as calendar months (the last day of a
// shorter month), 6 by default and at most 12, a go-ahead never dated ahead of today, and one that
// has already run out refused.
import { describe, expect, it } from "vitest";
import { addMonths, clearanceInputSchema, CLEARANCE_QUESTION_IDS } from "@/lib/clinical/clearance-schema";
import { allQuestions } from "@/lib/clinical/questionnaire";

describe("addMonths", () => {
  it.each([
    ["2026-12-07", 6, "2027-06-07"],
    ["2026-08-31", 6, "2027-02-28"],
    ["2027-08-31", 6, "2028-02-29"],
    ["2026-01-15", 12, "2027-01-15"],
    ["2026-03-31", -1, "2026-02-28"],
  ])("%s + %i months = %s", (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});

describe("clearanceInputSchema", () => {
  const today = "2026-12-07";
  const base = {
    clientId: "client_1",
    questionId: "walkingPain",
    clearedBy: "Dr. Lee, Brooklyn Vascular",
    clearedOn: "2026-12-01",
  };

  it("names the seven clearance questions of the clinical rules", () => {
    expect([...CLEARANCE_QUESTION_IDS].sort()).toEqual(
      [
        "walkingPain",
        "clotRecent",
        "recentSurgeryOrImmobility",
        "recentVeinProcedure",
        "gaveBirthRecently",
        "cancer",
        "heartKidneyLiver",
      ].sort(),
    );
  });

  it("are exactly the current questionnaire's questions whose yes needs a doctor's go-ahead (for any service)", () => {
    const fromQuestionnaire = allQuestions()
      .filter(
        (question) =>
          question.outcomes.yes === "clearance" ||
          ("services" in question &&
            Object.values(question.services ?? {}).some((override) => override.yes === "clearance")),
      )
      .map((question) => question.id);
    expect([...CLEARANCE_QUESTION_IDS].sort()).toEqual(fromQuestionnaire.sort());
  });

  it("defaults to 6 months after the go-ahead and keeps a date up to 12 months", () => {
    expect(clearanceInputSchema(today).parse({ ...base, validUntil: "" })).toMatchObject({
      validUntil: "2027-06-01",
      note: null,
    });
    expect(clearanceInputSchema(today).parse({ ...base, validUntil: "2027-12-01" }).validUntil).toBe("2027-12-01");
  });

  it.each([
    [{ validUntil: "2027-12-02" }, "validUntil"],
    [{ clearedOn: "2026-12-08" }, "clearedOn"],
    [{ clearedOn: "2026-01-02", validUntil: "" }, "validUntil"],
    [{ questionId: "skinCondition" }, "questionId"],
    [{ clearedBy: "" }, "clearedBy"],
    [{ clearedBy: "Dr.\u0000Lee" }, "clearedBy"],
    [{ clientId: "client 1" }, "clientId"],
  ])("refuses %j on the field %s", (change, field) => {
    const result = clearanceInputSchema(today).safeParse({ ...base, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path[0])).toContain(field);
  });
});
