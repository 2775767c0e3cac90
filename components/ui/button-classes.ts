// The button look, apart from the components: a page that needs only a plain <button> (the error
// boundary every page loads) styles it without pulling in next/link through ButtonLink.
const VARIANTS = {
  primary: "bg-coral-600 text-white hover:bg-coral-700 disabled:bg-coral-600/60",
  secondary: "bg-white text-teal-800 ring-1 ring-teal-600/40 hover:bg-teal-50",
  quiet: "text-teal-800 hover:bg-teal-50",
} as const;

export type Variant = keyof typeof VARIANTS;

const BASE =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-full px-5 py-2 text-base font-semibold transition-colors disabled:cursor-not-allowed";

export function buttonClasses(variant: Variant = "primary", extra = ""): string {
  return `${BASE} ${VARIANTS[variant]} ${extra}`.trim();
}
