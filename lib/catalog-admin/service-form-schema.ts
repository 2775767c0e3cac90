// The service form, one schema for the Server Action (and anything else that saves a service):
// prices typed in dollars become cents, lists are typed one item a line, and the cancellation
// policy stays within the database's CHECKs (0–720 hours, 0–100 %).
import { z } from "zod";

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const text = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .max(max, `Use at most ${max} characters.`);

const wholeNumber = (label: string, min: number, max: number, unit: string) =>
  z
    .string({ error: `Enter ${label}.` })
    .trim()
    .min(1, `Enter ${label}.`)
    .regex(/^\d+$/, `Enter ${label} as a whole number of ${unit}.`)
    .transform(Number)
    .refine((value) => value >= min && value <= max, `Enter ${label} from ${min} to ${max} ${unit}.`);

// "95", "95.5", "95.00" → 9500. Stripe takes nothing under 50 cents; a treatment costs far more.
const dollars = z
  .string({ error: "Enter the price." })
  .trim()
  .regex(/^\d{1,5}(\.\d{1,2})?$/, "Enter the price in dollars, such as 95 or 95.00.")
  .transform((value) => Math.round(Number(value) * 100))
  .refine((cents) => cents >= 100, "Enter a price of at least $1.00.");

const lines = (label: string) =>
  z
    .string()
    .max(4000, "Use at most 4,000 characters.")
    .optional()
    .transform((value) =>
      (value ?? "")
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean),
    )
    .refine((items) => items.length <= 12, `List at most 12 ${label}.`)
    .refine((items) => items.every((item) => item.length <= 300), "Keep each line under 300 characters.");

export const serviceFormSchema = z.object({
  name: text("a name", 80),
  slug: z
    .string()
    .trim()
    .max(60, "Use at most 60 characters.")
    .optional()
    .transform((value) => value || undefined)
    .refine((value) => value === undefined || SLUG_PATTERN.test(value), {
      message: "Use lowercase letters, digits and single hyphens, such as calf-reset-30.",
    }),
  summary: text("a one-line summary", 200),
  description: text("a description", 4000),
  price: dollars,
  durationMinutes: wholeNumber("the length", 10, 480, "minutes"),
  bufferMinutes: wholeNumber("the clean-up buffer", 0, 120, "minutes"),
  aftercareSlug: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null),
  therapistIds: z.array(z.string().trim().min(1).max(64)).max(50),
  whoItHelps: lines("groups of people"),
  whatToExpect: lines("steps"),
  contraindications: lines("cautions"),
  freeCancellationHours: wholeNumber("the free-cancellation notice", 0, 720, "hours"),
  lateCancellationRefundPercent: wholeNumber("the late-cancellation refund", 0, 100, "percent"),
});

export type ServiceFormInput = z.input<typeof serviceFormSchema>;
export type ServiceFields = z.output<typeof serviceFormSchema>;

/** "Calf Reset — 30 min!" → "calf-reset-30-min". */
export function slugify(name: string): string {
  return (
    name
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 50)
      .replace(/-+$/g, "") || "service"
  );
}

/** The first of base, base-2, base-3 … that is not taken. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}
