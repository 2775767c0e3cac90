// A drawn figure of the calf pump: the muscle squeezes the deep vein, valves keep blood moving up.
export function CalfPumpFigure({ className = "" }: { className?: string }) {
  return (
    <figure className={className}>
      <svg
        viewBox="0 0 220 260"
        role="img"
        aria-labelledby="calf-figure-title calf-figure-desc"
        className="h-auto w-full"
      >
        <title id="calf-figure-title">The calf muscle pump</title>
        <desc id="calf-figure-desc">
          A lower leg in profile. The calf muscle wraps a deep vein; arrows show blood pushed upward toward the knee,
          and small valves in the vein stop it from falling back.
        </desc>
        <path
          d="M70 10h70c6 40 22 70 24 110s-14 80-24 110H80c-4-30-22-70-22-110s6-70 12-110z"
          fill="var(--color-sand-deep)"
          stroke="var(--color-teal-700)"
          strokeWidth="3"
        />
        <path
          d="M132 40c20 30 30 60 26 95s-16 55-26 70c-12-20-20-50-18-85s6-55 18-80z"
          fill="var(--color-teal-600)"
          opacity="0.85"
        />
        <path d="M108 235V25" stroke="var(--color-coral-600)" strokeWidth="10" strokeLinecap="round" />
        {[70, 120, 170].map((y) => (
          <path
            key={y}
            d={`M98 ${y + 8}l10-10 10 10`}
            stroke="var(--color-sand)"
            strokeWidth="3"
            fill="none"
            strokeLinecap="round"
          />
        ))}
        <path
          d="M180 200V60m0 0-12 14m12-14 12 14"
          stroke="var(--color-teal-800)"
          strokeWidth="4"
          fill="none"
          strokeLinecap="round"
        />
      </svg>
      <figcaption className="mt-2 text-center text-sm text-muted">
        Each step squeezes the deep veins; one-way valves keep blood heading up.
      </figcaption>
    </figure>
  );
}
