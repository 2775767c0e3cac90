import type { ReactNode } from "react";

export const STEP_HEADING_ID = "booking-step-heading";

// Each step's heading: the flow moves focus here when the step changes, so keyboard and screen-reader
// users start reading at the new step instead of at the top of the page.
export function StepHeading({ children, description }: { children: ReactNode; description?: ReactNode }) {
  return (
    <div className="mb-5">
      <h2 id={STEP_HEADING_ID} tabIndex={-1} className="text-2xl font-semibold text-teal-800 sm:text-3xl">
        {children}
      </h2>
      {description ? <p className="mt-1 text-muted">{description}</p> : null}
    </div>
  );
}
