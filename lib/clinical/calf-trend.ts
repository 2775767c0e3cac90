// The geometry of the calf-record trend chart, kept pure so it can be tested without a browser: one
// panel per calf, one line per finding (tension, swelling, tenderness) over the visits, a 0–10
// scale, and a direct label at each line's last point, spread so labels never sit on each other.
// A visit where a side was not assessed leaves a gap in that side's lines rather than a made-up value.
import {
  CALF_MEASURE_LABELS,
  CALF_MEASURES,
  type CalfMeasure,
  type CalfRecords,
  type CalfSideName,
} from "./treatment-note-schema";

export interface TrendVisit {
  /** Short date as the chart's axis shows it ("Nov 10"). */
  label: string;
  calf: CalfRecords;
}

export interface ChartBox {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export const TREND_BOX: ChartBox = { width: 360, height: 220, top: 12, right: 92, bottom: 34, left: 32 };
export const SCORE_MAX = 10;
export const LABEL_GAP = 14;

export interface TrendPoint {
  x: number;
  y: number;
  value: number;
  visit: number;
}

export interface TrendSeries {
  measure: CalfMeasure;
  points: TrendPoint[];
  /** SVG path data; "M" starts again after a visit without a score. */
  path: string;
  label: { x: number; y: number; text: string } | null;
}

export interface TrendPanel {
  side: CalfSideName;
  xTicks: { x: number; label: string }[];
  yTicks: { y: number; value: number }[];
  series: TrendSeries[];
}

const round = (value: number) => Math.round(value * 10) / 10;

/** Where visit `index` of `count` sits across the plot (a single visit in the middle). */
export function xOf(index: number, count: number, box: ChartBox = TREND_BOX): number {
  const plot = box.width - box.left - box.right;
  if (count <= 1) return round(box.left + plot / 2);
  return round(box.left + (index * plot) / (count - 1));
}

/** Where a 0–10 score sits up the plot (10 at the top). */
export function yOf(score: number, box: ChartBox = TREND_BOX): number {
  const plot = box.height - box.top - box.bottom;
  return round(box.top + ((SCORE_MAX - score) * plot) / SCORE_MAX);
}

/**
 * Moves label positions apart until neighbours are at least `gap` apart, within [min, max], keeping
 * their order; returns them in the order given.
 */
export function spreadLabels(ys: number[], gap: number, min: number, max: number): number[] {
  const order = ys.map((y, index) => ({ y, index })).sort((a, b) => a.y - b.y || a.index - b.index);
  const placed = order.map((item) => item.y);
  for (let i = 0; i < placed.length; i++) {
    placed[i] = Math.max(placed[i] as number, min, i > 0 ? (placed[i - 1] as number) + gap : min);
  }
  // Pushed past the bottom: move up from the end, as far as the top allows.
  for (let i = placed.length - 1; i >= 0; i--) {
    placed[i] = Math.min(placed[i] as number, max, i < placed.length - 1 ? (placed[i + 1] as number) - gap : max);
  }
  const result = new Array<number>(ys.length);
  order.forEach((item, i) => {
    result[item.index] = round(Math.max(min, placed[i] as number));
  });
  return result;
}

export function layoutTrendPanel(visits: TrendVisit[], side: CalfSideName, box: ChartBox = TREND_BOX): TrendPanel {
  const count = visits.length;
  const series: TrendSeries[] = CALF_MEASURES.map((measure) => {
    const points: TrendPoint[] = [];
    let path = "";
    let previousVisit = -2;
    visits.forEach((visit, index) => {
      const scores = visit.calf[side];
      if (!scores) return;
      const point = { x: xOf(index, count, box), y: yOf(scores[measure], box), value: scores[measure], visit: index };
      path += `${path ? " " : ""}${index === previousVisit + 1 ? "L" : "M"}${point.x} ${point.y}`;
      points.push(point);
      previousVisit = index;
    });
    return { measure, points, path, label: null };
  });

  const labelled = series.filter((s) => s.points.length > 0);
  const spread = spreadLabels(
    labelled.map((s) => (s.points.at(-1) as TrendPoint).y),
    LABEL_GAP,
    box.top + 4,
    box.height - box.bottom,
  );
  labelled.forEach((s, i) => {
    const last = s.points.at(-1) as TrendPoint;
    s.label = {
      x: round(last.x + 10),
      y: spread[i] as number,
      text: `${CALF_MEASURE_LABELS[s.measure]} ${last.value}`,
    };
  });

  return {
    side,
    xTicks: visits.map((visit, index) => ({ x: xOf(index, count, box), label: visit.label })),
    yTicks: [0, 5, 10].map((value) => ({ y: yOf(value, box), value })),
    series,
  };
}

/** The chart's text alternative: "Tension from 7 to 4, swelling from 3 to 2, …" over the assessed visits. */
export function describeTrend(visits: TrendVisit[], side: CalfSideName): string {
  const assessed = visits.filter((visit) => visit.calf[side]);
  if (assessed.length === 0) return "Not assessed at any visit.";
  const first = assessed[0] as TrendVisit;
  const last = assessed.at(-1) as TrendVisit;
  const span =
    assessed.length === 1 ? `1 visit (${first.label})` : `${assessed.length} visits, ${first.label} to ${last.label}`;
  const changes = CALF_MEASURES.map((measure) => {
    const from = first.calf[side]?.[measure];
    const to = last.calf[side]?.[measure];
    const name = CALF_MEASURE_LABELS[measure].toLowerCase();
    return assessed.length === 1 ? `${name} ${to}` : `${name} from ${from} to ${to}`;
  });
  return `${span}: ${changes.join(", ")} (0 to 10).`;
}
