// The service page's safety list: grouped by what to do, every treatment's guidance once, and a
// service's own lines placed by their label.
import { describe, expect, it } from "vitest";
import { DEMO_SERVICES } from "@/lib/demo/services";
import { groupSafetyItems, SAFETY_GROUPS } from "@/lib/catalog/safety";

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
    const groups = groupSafetyItems([
      "Tell your therapist: Point out varicose veins: we never press on them, and a vein that is hard, painful, red or warm needs a doctor first",
    ]);
    const all = groups.flatMap((group) => group.items);
    expect(all.filter((item) => /varicose/i.test(item))).toHaveLength(1);
  });

  it.each(DEMO_SERVICES.map((service) => [service.slug, service.contraindications]))(
    "%s: no duplicates, every group's items start with a verb or 'We'",
    (_slug, items) => {
      const all = groupSafetyItems(items).flatMap((group) => group.items);
      expect(new Set(all.map((item) => item.toLowerCase())).size).toBe(all.length);
      for (const item of all) {
        expect(item, item).toMatch(
          /^(Get|Call|Ask|Check|Point|Mention|Tell|Wait|Have|Let|See|Bring|We|Stop|Skip|Book)\b/,
        );
      }
      expect(all.filter((item) => /varicose/i.test(item))).toHaveLength(1);
    },
  );
});
