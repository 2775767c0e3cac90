// "Further reading" at the end of every article, and the sources its review checked the figures
// against: pages of public health bodies and professional societies, named by title and publisher
// (no links: titles stay true when addresses move). Only the publishers below may be named, so a
// list never drifts into blogs or sellers.

export const PUBLISHERS = [
  "NHS",
  "Centers for Disease Control and Prevention",
  "National Heart, Lung, and Blood Institute",
  "MedlinePlus",
  "National Institute of Arthritis and Musculoskeletal and Skin Diseases",
  "National Center for Complementary and Integrative Health",
  "National Institute for Health and Care Excellence",
  "American Heart Association",
  "Society for Vascular Surgery",
  "American College of Obstetricians and Gynecologists",
] as const;

export type Publisher = (typeof PUBLISHERS)[number];

export interface Source {
  title: string;
  publisher: Publisher;
}

const SEPARATOR = " — ";

/** "Deep vein thrombosis — NHS" → { title, publisher }, or undefined when malformed or unknown. */
export function parseSource(entry: string): Source | undefined {
  const at = entry.lastIndexOf(SEPARATOR);
  if (at <= 0) return undefined;
  const title = entry.slice(0, at).trim();
  const publisher = entry.slice(at + SEPARATOR.length).trim();
  if (title.length < 3 || !(PUBLISHERS as readonly string[]).includes(publisher)) return undefined;
  return { title, publisher: publisher as Publisher };
}
