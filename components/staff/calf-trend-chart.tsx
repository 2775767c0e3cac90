// The calf-record trend: one small chart per calf with a line for each finding over the visits.
// Readable without colour: each finding has its own dash pattern and point shape, every line is
// labelled at its end, each chart has a title and a description in words, and the same numbers are
// in a table below. Plain SVG rendered on the server; no script.
import {
  TREND_BOX,
  describeTrend,
  layoutTrendPanel,
  type TrendPoint,
  type TrendVisit,
} from "@/lib/clinical/calf-trend";
import {
  CALF_MEASURE_LABELS,
  CALF_MEASURES,
  CALF_SIDE_LABELS,
  CALF_SIDES,
  type CalfMeasure,
  type CalfRecords,
} from "@/lib/clinical/treatment-note-schema";

const STYLE: Record<CalfMeasure, { stroke: string; dash?: string; shape: "circle" | "square" | "triangle" }> = {
  tension: { stroke: "#0f5257", shape: "circle" },
  swelling: { stroke: "#9a3412", dash: "7 4", shape: "square" },
  tenderness: { stroke: "#4c1d95", dash: "2 3", shape: "triangle" },
};

function Marker({ measure, x, y }: { measure: CalfMeasure; x: number; y: number }) {
  const { stroke, shape } = STYLE[measure];
  if (shape === "circle") return <circle cx={x} cy={y} r={4} fill={stroke} />;
  if (shape === "square")
    return <rect x={x - 4} y={y - 4} width={8} height={8} fill="white" stroke={stroke} strokeWidth={2} />;
  return <path d={`M${x} ${y - 5} L${x + 5} ${y + 4} L${x - 5} ${y + 4} Z`} fill={stroke} />;
}

function LegendSample({ measure }: { measure: CalfMeasure }) {
  const { stroke, dash } = STYLE[measure];
  return (
    <svg width="36" height="14" viewBox="0 0 36 14" aria-hidden="true" className="inline-block align-middle">
      <line x1="2" y1="7" x2="34" y2="7" stroke={stroke} strokeWidth={2} strokeDasharray={dash} />
      <Marker measure={measure} x={18} y={7} />
    </svg>
  );
}

export interface CalfTrendEntry {
  startsAt: Date;
  calf: CalfRecords;
}

export function CalfTrendChart({
  entries,
  timeZone,
  idPrefix = "calf-trend",
}: {
  entries: CalfTrendEntry[];
  timeZone: string;
  idPrefix?: string;
}) {
  if (entries.length === 0) {
    return <p>No calf records yet. They appear here once a visit&apos;s note has scores.</p>;
  }
  const shortDate = new Intl.DateTimeFormat("en-US", { timeZone, month: "short", day: "numeric" });
  const visits: TrendVisit[] = entries.map((entry) => ({ label: shortDate.format(entry.startsAt), calf: entry.calf }));
  const { width, height } = TREND_BOX;

  return (
    <div className="flex flex-col gap-4">
      <p className="flex flex-wrap gap-x-5 gap-y-1 text-sm" aria-hidden="true">
        {CALF_MEASURES.map((measure) => (
          <span key={measure}>
            <LegendSample measure={measure} /> {CALF_MEASURE_LABELS[measure]}
          </span>
        ))}
      </p>
      <div className="grid gap-4 md:grid-cols-2">
        {CALF_SIDES.map((side) => {
          const panel = layoutTrendPanel(visits, side);
          const titleId = `${idPrefix}-${side}-title`;
          const descId = `${idPrefix}-${side}-desc`;
          return (
            <figure key={side} className="rounded-xl bg-white p-3 ring-1 ring-teal-600/15">
              <figcaption className="font-semibold">{CALF_SIDE_LABELS[side]}</figcaption>
              <svg
                role="img"
                aria-labelledby={titleId}
                aria-describedby={descId}
                viewBox={`0 0 ${width} ${height}`}
                className="mt-1 h-auto w-full max-w-md"
              >
                <title id={titleId}>{`${CALF_SIDE_LABELS[side]}: tension, swelling and tenderness over visits`}</title>
                <desc id={descId}>{describeTrend(visits, side)}</desc>
                {panel.yTicks.map((tick) => (
                  <g key={tick.value}>
                    <line
                      x1={TREND_BOX.left}
                      x2={width - TREND_BOX.right}
                      y1={tick.y}
                      y2={tick.y}
                      stroke="#c9d6d6"
                      strokeWidth={1}
                    />
                    <text x={TREND_BOX.left - 6} y={tick.y + 4} textAnchor="end" fontSize={12} fill="#4a5b5d">
                      {tick.value}
                    </text>
                  </g>
                ))}
                {panel.xTicks.map((tick, index) => (
                  <text
                    key={`${tick.label}-${index}`}
                    x={tick.x}
                    y={height - TREND_BOX.bottom + 18}
                    textAnchor="middle"
                    fontSize={12}
                    fill="#4a5b5d"
                  >
                    {tick.label}
                  </text>
                ))}
                {panel.series.map((series) => (
                  <g key={series.measure}>
                    <path
                      d={series.path}
                      fill="none"
                      stroke={STYLE[series.measure].stroke}
                      strokeWidth={2}
                      strokeDasharray={STYLE[series.measure].dash}
                    />
                    {series.points.map((point: TrendPoint) => (
                      <Marker key={point.visit} measure={series.measure} x={point.x} y={point.y} />
                    ))}
                    {series.label ? (
                      <text x={series.label.x} y={series.label.y + 4} fontSize={12} fill={STYLE[series.measure].stroke}>
                        {series.label.text}
                      </text>
                    ) : null}
                  </g>
                ))}
              </svg>
            </figure>
          );
        })}
      </div>
      <details>
        <summary className="inline-flex min-h-11 cursor-pointer items-center font-semibold text-teal-800 underline">
          Show the scores as a table
        </summary>
        {/* Focusable, so the table can be scrolled sideways from the keyboard on a phone. */}
        <div className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label="Calf scores per visit">
          <table className="min-w-full border-collapse text-left text-sm">
            <caption className="mb-1 text-left text-muted">
              Calf scores per visit, 0 to 10 (– means not assessed)
            </caption>
            <thead>
              <tr>
                <th scope="col" className="py-1 pr-3">
                  Visit
                </th>
                {CALF_SIDES.flatMap((side) =>
                  CALF_MEASURES.map((measure) => (
                    <th key={`${side}-${measure}`} scope="col" className="px-2 py-1">
                      {CALF_SIDE_LABELS[side].replace(" calf", "")} {CALF_MEASURE_LABELS[measure].toLowerCase()}
                    </th>
                  )),
                )}
              </tr>
            </thead>
            <tbody>
              {visits.map((visit, index) => (
                <tr key={index} className="border-t border-teal-600/15">
                  <th scope="row" className="py-1 pr-3 font-semibold">
                    {visit.label}
                  </th>
                  {CALF_SIDES.flatMap((side) =>
                    CALF_MEASURES.map((measure) => (
                      <td key={`${side}-${measure}`} className="px-2 py-1">
                        {visit.calf[side]?.[measure] ?? "–"}
                      </td>
                    )),
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}
