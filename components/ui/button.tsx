import Link from "next/link";
import type { ComponentProps } from "react";

const VARIANTS = {
  primary: "bg-coral-600 text-white hover:bg-coral-700 disabled:bg-coral-600/60",
  secondary: "bg-white text-teal-800 ring-1 ring-teal-600/40 hover:bg-teal-50",
  quiet: "text-teal-800 hover:bg-teal-50",
} as const;

type Variant = keyof typeof VARIANTS;

const BASE =
  "inline-flex min-h-11 items-center justify-center gap-2 rounded-full px-5 py-2 text-base font-semibold transition-colors disabled:cursor-not-allowed";

export function buttonClasses(variant: Variant = "primary", extra = ""): string {
  return `${BASE} ${VARIANTS[variant]} ${extra}`.trim();
}

export function Button({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<"button"> & { variant?: Variant }) {
  return <button className={buttonClasses(variant, className)} {...props} />;
}

export function ButtonLink({
  variant = "primary",
  className = "",
  ...props
}: ComponentProps<typeof Link> & { variant?: Variant }) {
  return <Link className={buttonClasses(variant, className)} {...props} />;
}
