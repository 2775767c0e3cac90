// The demo clinic's therapists, as the demo seed writes them to the database (accounts, profiles,
// weekly hours, services). Only the seed reads this list: the site shows therapists from the
// database, where staff manage them. The demo team are the article authors, so their names, titles
// and bios start as the bylines' words.
import { findAuthor, type Author } from "@/lib/content/authors";

export interface DemoTherapist extends Author {
  email: string;
  specialties: string[];
  role: "THERAPIST" | "ADMIN";
  // Weekly hours in the clinic's zone: weekday 0 = Sunday … 6 = Saturday, times as "HH:MM".
  hours: { weekday: number; start: string; end: string }[];
  breaks: { weekday: number; start: string; end: string; label: string }[];
  services: string[];
}

const weekdays = (days: number[], start: string, end: string) => days.map((weekday) => ({ weekday, start, end }));
const lunch = (days: number[], start: string, end: string) =>
  days.map((weekday) => ({ weekday, start, end, label: "Lunch" }));

function byline(slug: string): Author {
  const author = findAuthor(slug);
  if (!author) throw new Error(`No author "${slug}" in lib/content/authors.ts`);
  return author;
}

export const DEMO_THERAPISTS: DemoTherapist[] = [
  {
    ...byline("maya-lindqvist"),
    email: "therapist@clinic.test",
    specialties: ["Venous and lymphatic work", "Heavy, swollen legs", "Older adults"],
    role: "THERAPIST",
    // Monday to Thursday, long days; Friday to Sunday off.
    hours: weekdays([1, 2, 3, 4], "09:00", "17:00"),
    breaks: lunch([1, 2, 3, 4], "12:30", "13:15"),
    services: ["calf-reset-30", "second-heart-massage-60", "lymphatic-drainage-legs", "long-haul-legs"],
  },
  {
    ...byline("daniel-okafor"),
    email: "daniel@clinic.test",
    specialties: ["Sports recovery", "Runners and cyclists", "Achilles and calf tightness"],
    role: "THERAPIST",
    // Tuesday to Saturday, later hours for people who train before work; Sunday and Monday off.
    hours: [...weekdays([2, 3, 4, 5], "11:00", "19:00"), { weekday: 6, start: "09:00", end: "15:00" }],
    breaks: lunch([2, 3, 4, 5], "15:00", "15:30"),
    services: ["calf-reset-30", "second-heart-massage-60", "sports-recovery-calves", "long-haul-legs"],
  },
  {
    ...byline("priya-raman"),
    email: "priya@clinic.test",
    specialties: ["Pregnancy (with clearance)", "Desk and shift workers", "Self-massage coaching"],
    role: "THERAPIST",
    // Monday, Wednesday, Friday and Sunday; Tuesday, Thursday and Saturday off.
    hours: [...weekdays([1, 3, 5], "08:00", "14:00"), { weekday: 0, start: "10:00", end: "16:00" }],
    breaks: lunch([1, 3, 5, 0], "11:30", "12:00"),
    services: ["calf-reset-30", "second-heart-massage-60", "lymphatic-drainage-legs", "long-haul-legs"],
  },
];
