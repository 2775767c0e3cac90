// Staff reading an older edition's answers: the panel says which edition asked them, lists today's
// questions it never asked and tells the therapist to ask them in person, instead of "No answer
// stops this booking".
import { renderToStaticMarkup } from "react-dom/server";
import { createElement } from "react";
import { describe, expect, it } from "vitest";
import { IntakeAnswersPanel } from "@/components/staff/intake-answers";
import { allNoIntake, questionsNotAsked, readStoredIntake, screenStoredIntake } from "@/lib/booking/intake";
import { QUESTIONNAIRE_V1, questionText } from "@/lib/clinical/questionnaire";

const v1 = readStoredIntake({
  ...Object.fromEntries(QUESTIONNAIRE_V1.questions.map((question) => [question.id, false])),
  varicoseVeins: true,
})!;
const render = (intake: NonNullable<typeof v1>) =>
  renderToStaticMarkup(
    createElement(IntakeAnswersPanel, {
      intake,
      screening: screenStoredIntake(intake),
      changes: null,
      timeZone: "America/New_York",
    }),
  ).replace(/&#x27;/g, "'");

describe("questions an older edition did not ask", () => {
  it("lists today's questions the first edition never asked, with the follow-up of a yes", () => {
    const ids = questionsNotAsked(v1).map((question) => question.id);
    for (const id of ["coldPaleFoot", "restPainOrSores", "walkingPain", "recentVeinProcedure", "cancer"]) {
      expect(ids).toContain(id);
    }
    expect(ids).toContain("heartKidneyLiver");
    expect(ids).toContain("feverOrUnwell");
    // Varicose veins was asked (same id) and answered yes: its new follow-up was not.
    expect(ids).not.toContain("varicoseVeins");
    expect(ids).toContain("veinHardPainful");
    // Skin condition was asked and answered no: its follow-up is not needed.
    expect(ids).not.toContain("skinInfection");
    expect(questionsNotAsked(allNoIntake())).toEqual([]);
  });

  it("never tells staff that nothing stops a first-edition booking, and says what to ask", () => {
    const html = render(v1);
    expect(html).not.toContain("No answer stops this booking");
    expect(html).toContain("asked with the first edition");
    expect(html).toMatch(/ask the client these in person/);
    expect(html).toContain(questionText("walkingPain")!);
    expect(html).toContain(questionText("heartKidneyLiver")!);
  });

  it("keeps the plain line for today's edition", () => {
    const current = readStoredIntake(allNoIntake())!;
    const html = render(current);
    expect(html).toContain("No answer stops this booking");
    expect(html).not.toContain("not-asked");
  });
});
