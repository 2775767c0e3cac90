// Who wrote the education articles: editorial bylines, owned by the content like the articles
// themselves. A byline credits the writer as of the article; it does not follow a therapist's
// bookable profile (hours, services, whether they still practise here), which lives in the database.

export interface Author {
  slug: string;
  name: string;
  title: string;
  bio: string;
}

export const AUTHORS: readonly Author[] = [
  {
    slug: "maya-lindqvist",
    name: "Maya Lindqvist",
    title: "Licensed massage therapist, clinic lead",
    bio: "Maya founded the clinic after a decade of venous and lymphatic work alongside vascular nurses. She leads the clinic's screening standards and writes most of the circulation guides.",
  },
  {
    slug: "daniel-okafor",
    name: "Daniel Okafor",
    title: "Licensed massage therapist, sports recovery",
    bio: "Daniel works with runners, cyclists and court players. He pairs deeper calf work with stretching and a plan for the days after a race.",
  },
  {
    slug: "priya-raman",
    name: "Priya Raman",
    title: "Licensed massage therapist, pregnancy and desk-worker care",
    bio: "Priya looks after people whose legs spend the day under a desk or on a shop floor, and clients in pregnancy with their midwife's go-ahead. She helps clients build the self-care routines on this site into their week.",
  },
];

export function findAuthor(slug: string): Author | undefined {
  return AUTHORS.find((author) => author.slug === slug);
}
