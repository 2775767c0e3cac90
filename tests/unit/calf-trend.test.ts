// The calf-trend chart's geometry: scores map onto the 0–10 scale, visits across the plot, a side not
// assessed leaves a gap, and the direct labels never overlap whatever the scores.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  LABEL_GAP,
  TREND_BOX,
  describeTrend,
  layoutTrendPanel,
  spreadLabels,
  xOf,
  yOf,
  type TrendVisit,
} from "@/lib/clinical/calf-trend";

const scores = (tension: number, swelling: number, tenderness: number) => ({ tension, swelling, tenderness });
const visit = (label: string, left: ReturnType<typeof scores> | null, right = left): TrendVisit => ({
  label,
  calf: { LEFT: left, RIGHT: right },
});

describe("calf trend geometry", () => {
  it.each([
    [10, TREND_BOX.top],
    [0, TREND_BOX.height - TREND_BOX.bottom],
    [5, (TREND_BOX.top + TREND_BOX.height - TREND_BOX.bottom) / 2],
  ])("puts a score of %i at y=%d", (score, y) => {
    expect(yOf(score)).toBe(y);
  });

  it("spreads visits from the left edge of the plot to the right, and centres a single visit", () => {
    const right = TREND_BOX.width - TREND_BOX.right;
    expect([xOf(0, 3), xOf(2, 3)]).toEqual([TREND_BOX.left, right]);
    expect(xOf(0, 1)).toBe((TREND_BOX.left + right) / 2);
  });

  it("draws one line per finding and breaks it where the side was not assessed", () => {
    const visits = [visit("Nov 2", scores(7, 3, 5)), visit("Nov 9", null), visit("Nov 16", scores(4, 2, 2))];
    const panel = layoutTrendPanel(visits, "LEFT");
    const tension = panel.series.find((s) => s.measure === "tension");
    expect(tension?.points.map((p) => [p.visit, p.value])).toEqual([
      [0, 7],
      [2, 4],
    ]);
    expect(tension?.path).toBe(`M${xOf(0, 3)} ${yOf(7)} M${xOf(2, 3)} ${yOf(4)}`);
    expect(tension?.label?.text).toBe("Tension 4");
    expect(panel.xTicks.map((t) => t.label)).toEqual(["Nov 2", "Nov 9", "Nov 16"]);
  });

  it("gives a side never assessed no lines and no labels", () => {
    const panel = layoutTrendPanel([visit("Nov 2", scores(1, 1, 1), null)], "RIGHT");
    expect(panel.series.every((s) => s.points.length === 0 && s.label === null)).toBe(true);
    expect(describeTrend([visit("Nov 2", scores(1, 1, 1), null)], "RIGHT")).toBe("Not assessed at any visit.");
  });

  it("keeps labels of equal scores apart, in the plot", () => {
    const panel = layoutTrendPanel([visit("Nov 2", scores(3, 3, 3)), visit("Nov 9", scores(0, 0, 0))], "LEFT");
    const ys = panel.series.map((s) => s.label?.y as number).sort((a, b) => a - b);
    expect(ys[1]! - ys[0]!).toBeGreaterThanOrEqual(LABEL_GAP);
    expect(ys[2]! - ys[1]!).toBeGreaterThanOrEqual(LABEL_GAP);
    expect(Math.max(...ys)).toBeLessThanOrEqual(TREND_BOX.height - TREND_BOX.bottom);
  });

  it("spreads any labels at least the gap apart, inside the bounds, keeping their order", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 3 }), (values) => {
        const ys = values.map((v) => yOf(v));
        const min = TREND_BOX.top + 4;
        const max = TREND_BOX.height - TREND_BOX.bottom;
        const spread = spreadLabels(ys, LABEL_GAP, min, max);
        const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
        const placed = order.map(({ i }) => spread[i] as number);
        for (let k = 1; k < placed.length; k++) {
          expect(placed[k]! - placed[k - 1]!).toBeGreaterThanOrEqual(LABEL_GAP - 0.1);
        }
        expect(Math.min(...spread)).toBeGreaterThanOrEqual(min);
        expect(Math.max(...spread)).toBeLessThanOrEqual(max);
      }),
    );
  });

  it("describes the change from the first to the last assessed visit in words", () => {
    const visits = [visit("Nov 2", scores(7, 3, 5)), visit("Nov 16", scores(4, 2, 2))];
    expect(describeTrend(visits, "LEFT")).toBe(
      "2 visits, Nov 2 to Nov 16: tension from 7 to 4, swelling from 3 to 2, tenderness from 5 to 2 (0 to 10).",
    );
  });
});
