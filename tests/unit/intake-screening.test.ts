import { describe, expect, it } from "vitest";
import { ALL_NO_ANSWERS, intakeSchema, screenIntake } from "@/lib/booking/intake";

const clear = ALL_NO_ANSWERS;

describe("health screening", () => {
  it("lets a clear screening go on with no cautions", () => {
    expect(screenIntake(clear)).toEqual({ outcome: "proceed", cautions: [] });
  });

  it.each([
    [{ chestPainOrBreathlessness: true }, "emergency"],
    [{ suddenPainOrSwelling: true }, "same_day"],
    [{ warmthOrRedness: true }, "same_day"],
    [{ recentSurgeryOrImmobility: true }, "clearance"],
    [{ clotHistoryOrBloodThinners: true }, "clearance"],
    // The most urgent answer decides what the client is told first.
    [{ clotHistoryOrBloodThinners: true, warmthOrRedness: true }, "same_day"],
    [{ suddenPainOrSwelling: true, chestPainOrBreathlessness: true, pregnant: true }, "emergency"],
  ] as const)("%o stops online booking with urgency %s", (flags, urgency) => {
    const result = screenIntake({ ...clear, ...flags });
    expect(result.outcome).toBe("blocked");
    expect(result.outcome === "blocked" && result.urgency).toBe(urgency);
  });

  it("names every red flag that was answered yes", () => {
    const result = screenIntake({ ...clear, suddenPainOrSwelling: true, recentSurgeryOrImmobility: true });
    expect(result).toEqual({
      outcome: "blocked",
      urgency: "same_day",
      redFlags: ["suddenPainOrSwelling", "recentSurgeryOrImmobility"],
    });
  });

  it.each(["pregnant", "varicoseVeins", "recentInjury", "skinCondition"] as const)(
    "lets a booking with %s go on, saying what the therapist will check",
    (item) => {
      const result = screenIntake({ ...clear, [item]: true });
      expect(result.outcome).toBe("proceed");
      expect(result.outcome === "proceed" && result.cautions.map((c) => c.item)).toEqual([item]);
      expect(result.outcome === "proceed" && result.cautions[0]?.note).toMatch(/therapist/i);
    },
  );

  it("requires every yes/no answer and names the missing ones", () => {
    const parsed = intakeSchema.safeParse({ ...clear, warmthOrRedness: undefined, pregnant: "yes" });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((issue) => issue.path.join(".")).sort();
    expect(paths).toEqual(["pregnant", "warmthOrRedness"]);
  });

  it("bounds the free-text answers", () => {
    expect(intakeSchema.safeParse({ ...clear, notes: "x".repeat(1001) }).success).toBe(false);
    expect(intakeSchema.safeParse({ ...clear, medications: "  ibuprofen  " }).data?.medications).toBe("ibuprofen");
  });
});
