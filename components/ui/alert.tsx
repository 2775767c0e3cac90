import type { ReactNode, Ref } from "react";

const TONES = {
  error: "border-alert-700/40 bg-alert-50 text-alert-700",
  info: "border-teal-600/30 bg-teal-50 text-teal-800",
} as const;

// `ref` and `tabIndex={-1}` let a form move focus to its error message after a failed submission.
export function Alert({
  tone = "info",
  title,
  children,
  id,
  ref,
  tabIndex,
}: {
  tone?: keyof typeof TONES;
  title?: string;
  children: ReactNode;
  id?: string;
  ref?: Ref<HTMLDivElement>;
  tabIndex?: number;
}) {
  return (
    <div
      id={id}
      ref={ref}
      tabIndex={tabIndex}
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-xl border px-4 py-3 ${TONES[tone]}`}
    >
      {title ? <p className="font-semibold">{title}</p> : null}
      <div>{children}</div>
    </div>
  );
}
