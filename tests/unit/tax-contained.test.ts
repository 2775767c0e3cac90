// The tax a receipt states as contained in a tax-inclusive amount.
import { describe, expect, it } from "vitest";
import { taxContainedCents } from "@/lib/payments/tax-contained";

describe("taxContainedCents", () => {
  it.each([
    [9500, 0, 0],
    [10800, 8, 800],
    [9500, 8.875, 774], // 9500 × 8.875 / 108.875 = 774.39…
    [9500, 20, 1583], // 1583.33…
    [1, 8.875, 0],
    [0, 8.875, 0],
    [-500, 8.875, 0],
  ])("%s cents at %s%% contains %s cents", (amount, rate, expected) => {
    expect(taxContainedCents(amount, rate)).toBe(expected);
  });
});
