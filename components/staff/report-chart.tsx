// A bar chart in plain SVG: one bar per therapist, its value written at the end of the bar, so it
// reads without colour (and the table beside it holds every figure). The SVG is an image described
// by its caption and a summary; screen readers get the table.
export interface ReportBar {
  label: string;
  value: number;
  /** The value as shown, e.g. "$190.00" or "42.5%". */
  text: string;
}

const ROW = 36;
const LABEL_WIDTH = 120;
const VALUE_WIDTH = 80;
// Narrow enough that the 14 px labels stay readable when a 360 px phone scales the chart down.
const WIDTH = 340;

export function ReportChart({ title, bars, max }: { title: string; bars: ReportBar[]; max?: number }) {
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value), 1);
  const barSpace = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
  const height = Math.max(bars.length, 1) * ROW + 8;
  const summary = bars.map((bar) => `${bar.label}: ${bar.text}`).join("; ");
  const short = (label: string) => (label.length > 16 ? `${label.slice(0, 15)}…` : label);
  return (
    <figure className="rounded-2xl bg-white p-4 ring-1 ring-teal-600/15">
      <figcaption className="font-semibold">{title}</figcaption>
      {bars.length === 0 ? (
        <p className="mt-2 text-muted">No therapists to show.</p>
      ) : (
        <svg
          viewBox={`0 0 ${WIDTH} ${height}`}
          role="img"
          aria-label={`${title}. ${summary}`}
          className="mt-3 h-auto w-full max-w-md"
        >
          {bars.map((bar, index) => {
            const y = index * ROW + 4;
            const length = Math.max(0, (bar.value / top) * barSpace);
            return (
              <g key={`${bar.label}-${index}`}>
                <text x={0} y={y + 20} fontSize={14} fill="#1f2933">
                  {short(bar.label)}
                </text>
                <rect x={LABEL_WIDTH} y={y + 6} width={length} height={20} rx={3} fill="#0f766e" stroke="#134e4a" />
                <text x={LABEL_WIDTH + length + 6} y={y + 21} fontSize={14} fontWeight={600} fill="#1f2933">
                  {bar.text}
                </text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
