// The clinic's therapists: the demo seed creates their accounts, and the education hub credits
// them as authors. One list so an article can never name a therapist the clinic does not have.

export interface TeamMember {
  slug: string;
  name: string;
  email: string;
  title: string;
  bio: string;
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

export const TEAM: TeamMember[] = [
  {
    slug: "maya-lindqvist",
    name: "Maya Lindqvist",
    email: "therapist@clinic.test",
    title: "Licensed massage therapist, clinic lead",
    bio: "Maya founded the clinic after a decade of venous and lymphatic work alongside vascular nurses. She leads the clinic's screening standards and writes most of the circulation guides.",
    specialties: ["Venous and lymphatic work", "Heavy, swollen legs", "Older adults"],
    role: "THERAPIST",
    // Monday to Thursday, long days; Friday to Sunday off.
    hours: weekdays([1, 2, 3, 4], "09:00", "17:00"),
    breaks: lunch([1, 2, 3, 4], "12:30", "13:15"),
    services: ["calf-reset-30", "second-heart-massage-60", "lymphatic-drainage-legs", "long-haul-legs"],
  },
  {
    slug: "daniel-okafor",
    name: "Daniel Okafor",
    email: "daniel@clinic.test",
    title: "Licensed massage therapist, sports recovery",
    bio: "Daniel works with runners, cyclists and court players. He pairs deeper calf work with stretching and a plan for the days after a race.",
    specialties: ["Sports recovery", "Runners and cyclists", "Achilles and calf tightness"],
    role: "THERAPIST",
    // Tuesday to Saturday, later hours for people who train before work; Sunday and Monday off.
    hours: [...weekdays([2, 3, 4, 5], "11:00", "19:00"), { weekday: 6, start: "09:00", end: "15:00" }],
    breaks: lunch([2, 3, 4, 5], "15:00", "15:30"),
    services: ["calf-reset-30", "second-heart-massage-60", "sports-recovery-calves", "long-haul-legs"],
  },
  {
    slug: "priya-raman",
    name: "Priya Raman",
    email: "priya@clinic.test",
    title: "Licensed massage therapist, pregnancy and desk-worker care",
    bio: "Priya looks after people whose legs spend the day under a desk or on a shop floor, and clients in pregnancy with their midwife's go-ahead. She helps clients build the self-care routines on this site into their week.",
    specialties: ["Pregnancy (with clearance)", "Desk and shift workers", "Self-massage coaching"],
    role: "THERAPIST",
    // Monday, Wednesday, Friday and Sunday; Tuesday, Thursday and Saturday off.
    hours: [...weekdays([1, 3, 5], "08:00", "14:00"), { weekday: 0, start: "10:00", end: "16:00" }],
    breaks: lunch([1, 3, 5, 0], "11:30", "12:00"),
    services: ["calf-reset-30", "second-heart-massage-60", "lymphatic-drainage-legs", "long-haul-legs"],
  },
];

export function findTeamMember(slug: string): TeamMember | undefined {
  return TEAM.find((member) => member.slug === slug);
}
