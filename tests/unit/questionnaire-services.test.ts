// The questionnaire's per-service rules are keyed by service slug: every service the clinic offers
// must be classified (a new slug fails here until it is), and the wording of the two red flags whose
// question and advice once disagreed stays one rule.
import { describe, expect, it } from "vitest";
import { DEMO_SERVICES } from "@/lib/dev/demo/services";
import {
  CURRENT_QUESTIONNAIRE,
  isClassifiedService,
  screen,
  SERVICE_MOVES_FLUID_TOWARD_HEART,
} from "@/lib/clinical/questionnaire";

const question = (id: string) => CURRENT_QUESTIONNAIRE.questions.find((candidate) => candidate.id === id)!;

describe("per-service classification", () => {
  it("knows every service the clinic offers", () => {
    const unknown = DEMO_SERVICES.map((service) => service.slug).filter((slug) => !isClassifiedService(slug));
    expect(unknown, "classify these in SERVICE_MOVES_FLUID_TOWARD_HEART (lib/clinical/questionnaire.ts)").toEqual([]);
    expect(isClassifiedService("a-new-service")).toBe(false);
    expect(isClassifiedService("constructor")).toBe(false);
  });

  it("asks a doctor first for heart, kidney or liver disease exactly on the services that move fluid", () => {
    for (const service of DEMO_SERVICES) {
      const outcome = screen({ heartKidneyLiver: true }, { serviceSlug: service.slug }).outcome;
      expect(outcome, service.slug).toBe(SERVICE_MOVES_FLUID_TOWARD_HEART[service.slug] ? "clearance" : "caution");
    }
    expect(Object.keys(question("heartKidneyLiver").services ?? {}).sort()).toEqual([
      "lymphatic-drainage-legs",
      "second-heart-massage-60",
    ]);
  });
});

describe("red-flag wording", () => {
  it("keeps an ordinary cramp out of pain at rest or at night", () => {
    const rest = question("restPainOrSores");
    expect(`${rest.text} ${rest.help ?? ""}`).toMatch(/not a cramp that passes within minutes/);
    expect(rest.advice).toMatch(/not a passing cramp/);
    expect(rest.sign).toMatch(/not a passing cramp/);
  });

  it("asks and advises the same thing for a cold, pale foot", () => {
    const foot = question("coldPaleFoot");
    const rule = "suddenly turns cold, pale or blue, and painful or numb";
    expect(foot.text).toContain("suddenly turned cold, pale or blue, and painful or numb");
    expect(foot.advice).toContain(rule);
    expect(foot.sign).toContain("cold, pale or blue, and painful or numb");
  });
});
