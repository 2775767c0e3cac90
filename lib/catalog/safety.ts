// What a visitor must do before booking, grouped by the action it asks for, so a service page
// says what the booking form does (see groupSafetyItems).
import { safetyItems } from "@/lib/clinical/questionnaire";

export const SAFETY_GROUPS = [
  { key: "now", label: "Get care now" },
  { key: "doctor", label: "Doctor's OK first" },
  { key: "tell", label: "Tell your therapist" },
  { key: "cannot", label: "We can't treat" },
] as const;

export type SafetyGroupKey = (typeof SAFETY_GROUPS)[number]["key"];

export interface SafetyGroup {
  key: SafetyGroupKey;
  label: string;
  items: string[];
}

/** The prefix a catalogue line uses to join a group, e.g. "Doctor's OK first: …". */
function groupOf(line: string): { key: SafetyGroupKey; text: string } {
  for (const group of SAFETY_GROUPS) {
    const prefix = `${group.label}:`;
    if (line.toLowerCase().startsWith(prefix.toLowerCase())) {
      return { key: group.key, text: line.slice(prefix.length).trim() };
    }
  }
  return { key: "tell", text: line.trim() };
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

const SAME_RULE_SHARE = 0.75;
const contentWords = (text: string) =>
  new Set(
    normalise(text)
      .split(" ")
      .filter((word) => word.length > 3),
  );
/** The share of the first text's content words that the second one also has. */
function wordsShared(text: string, other: string): number {
  const words = contentWords(text);
  const otherWords = contentWords(other);
  return words.size === 0 ? 0 : [...words].filter((word) => otherWords.has(word)).length / words.size;
}

// The guidance that holds for every treatment is generated from the health questionnaire
// (lib/clinical/questionnaire.ts), per service where the service changes an outcome, so the page
// says what the booking form does; a service adds its own items in the catalogue as lines that start
// with a group's label ("Doctor's OK first: …"), and a line without a known label is something to
// tell the therapist.
/** Every treatment's guidance plus the service's own, grouped, each said once, empty groups left out. */
export function groupSafetyItems(serviceItems: readonly string[], serviceSlug?: string): SafetyGroup[] {
  const seen = new Set<string>();
  const groups = SAFETY_GROUPS.map((group) => ({ key: group.key, label: group.label, items: [] as string[] }));
  const add = (key: SafetyGroupKey, text: string) => {
    const id = normalise(text);
    if (!id || seen.has(id)) return;
    seen.add(id);
    groups.find((group) => group.key === key)!.items.push(text);
  };
  const own = serviceItems.map(groupOf);
  // A service may say a questionnaire rule in its own, fuller words: its line then stands for it.
  const saidByService = (key: SafetyGroupKey, text: string) =>
    own.some((line) => line.key === key && wordsShared(text, line.text) >= SAME_RULE_SHARE);
  const everyTreatment = safetyItems(serviceSlug);
  for (const group of SAFETY_GROUPS) {
    for (const item of everyTreatment) {
      if (item.key === group.key && !saidByService(item.key, item.text)) add(group.key, item.text);
    }
  }
  for (const { key, text } of own) add(key, text);
  return groups.filter((group) => group.items.length > 0);
}
