// The service page's safety list: grouped by what to do, every treatment's guidance once, and a
// service's own lines placed by their label.
import { describe, expect, it } from "vitest";
import { DEMO_SERVICES } from "@/lib/dev/demo/services";
import { groupSafetyItems, SAFETY_GROUPS } from "@/lib/catalog/safety";
import { allQuestions, safetyItems } from "@/lib/clinical/questionnaire";

describe("groupSafetyItems", () => {
  it("puts a service's labelled lines in their group and unlabelled ones under 'Tell your therapist'", () => {
    const groups = groupSafetyItems([
      "Doctor's OK first: swelling from heart, kidney or liver disease.",
      "We can't treat: an active infection or cellulitis in the leg.",
      "A recent calf strain.",
    ]);
    const byKey = Object.fromEntries(groups.map((group) => [group.key, group.items]));
    expect(byKey.doctor).toContain("swelling from heart, kidney or liver disease.");
    expect(byKey.cannot).toContain("an active infection or cellulitis in the leg.");
    expect(byKey.tell).toContain("A recent calf strain.");
    expect(groups.map((group) => group.label)).toEqual(SAFETY_GROUPS.map((group) => group.label));
  });

  it("says each item once, however it is capitalised or punctuated", () => {
    const groups = groupSafetyItems(["Tell your therapist: Point out varicose veins: We never press on them"]);
    const all = groups.flatMap((group) => group.items);
    expect(all.filter((item) => /varicose/i.test(item))).toHaveLength(1);
  });

  it.each(DEMO_SERVICES.map((service) => [service.slug, service.contraindications]))(
    "%s: no duplicates, every group's items start with a verb or 'We'",
    (slug, items) => {
      const all = groupSafetyItems(items, slug).flatMap((group) => group.items);
      expect(new Set(all.map((item) => item.toLowerCase())).size).toBe(all.length);
      for (const item of all) {
        expect(item, item).toMatch(
          /^(Get|Call|Ask|Check|Point|Mention|Tell|Wait|Have|Let|See|Bring|We|Stop|Skip|Book)\b/,
        );
      }
      expect(all.filter((item) => /varicose/i.test(item))).toHaveLength(1);
    },
  );

  it("lists every question of the questionnaire once, grouped by its outcome", () => {
    const groups = groupSafetyItems([]);
    const byKey = Object.fromEntries(groups.map((group) => [group.key, group.items]));
    const all = groups.flatMap((group) => group.items);
    expect(all).toHaveLength(allQuestions().length);
    expect(byKey.now).toContain("Call 911 for chest pain, sudden shortness of breath or coughing up blood.");
    expect(byKey.now).toContain("See a doctor today for a vein that is hard, painful, red or warm.");
    expect(byKey.doctor).toContain("Ask your doctor or midwife first if you gave birth in the last 12 weeks.");
    expect(byKey.tell).toContain(
      "Tell your therapist about a past blood clot in a leg or lung: we keep the pressure light.",
    );
    expect(byKey.cannot).toEqual(["Wait until you're well: book again after 48 hours without a fever."]);
  });

  it("moves heart, kidney or liver disease to a doctor's go-ahead for the services that move fluid toward the heart", () => {
    const heart = (slug?: string) => safetyItems(slug).find((item) => item.questionId === "heartKidneyLiver");
    expect(heart()?.key).toBe("tell");
    expect(heart("calf-reset-30")?.key).toBe("tell");
    for (const slug of ["lymphatic-drainage-legs", "second-heart-massage-60"]) {
      expect(heart(slug)?.key).toBe("doctor");
      const groups = groupSafetyItems([], slug);
      expect(groups.find((group) => group.key === "doctor")?.items.join(" ")).toMatch(
        /heart failure or kidney or liver/,
      );
    }
  });

  it("lets a service's own line stand for the questionnaire rule it restates, and keeps the rest", () => {
    const groups = groupSafetyItems([
      "Get care now: See a doctor today after a pop or kick in the calf or Achilles, or if you can't stand on tiptoe on that leg.",
    ]);
    const now = groups.find((group) => group.key === "now")?.items ?? [];
    expect(now.filter((item) => /pop or kick/.test(item))).toEqual([
      "See a doctor today after a pop or kick in the calf or Achilles, or if you can't stand on tiptoe on that leg.",
    ]);
    expect(now).toContain("Call 911 for chest pain, sudden shortness of breath or coughing up blood.");
    expect(groups.flatMap((group) => group.items)).toHaveLength(allQuestions().length);
  });
});
