// The four sections of the education hub, in the order a reader meets them.
export const SECTIONS = [
  {
    slug: "circulation",
    title: "How circulation works",
    blurb: "The calf muscle pump, one-way valves, varicose veins, and what happens when your legs stay still.",
  },
  {
    slug: "risks",
    title: "Risks and warning signs",
    blurb: "Who is more at risk, which symptoms need a doctor today, calf pains told apart, pregnancy, and what DVT is.",
  },
  {
    slug: "move",
    title: "Move and self-care",
    blurb: "Walking breaks for desk days and trips, calf exercises, self-massage, compression socks and runners' calves.",
  },
  {
    slug: "aftercare",
    title: "Your visit and aftercare",
    blurb: "What a first visit involves, what to expect after each treatment, and when to call us or a doctor.",
  },
] as const;

export type SectionSlug = (typeof SECTIONS)[number]["slug"];
export const SECTION_SLUGS = SECTIONS.map((section) => section.slug) as [SectionSlug, ...SectionSlug[]];

export function findSection(slug: string) {
  return SECTIONS.find((section) => section.slug === slug);
}
