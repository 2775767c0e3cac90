// What a visitor must do before booking, grouped by the action it asks for. The guidance that holds
// for every treatment lives here once (the same red flags the booking screening asks about); a
// service adds its own items in the catalogue as lines that start with a group's label
// ("Doctor's OK first: …"), and a line without a known label is something to tell the therapist.
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

const EVERY_TREATMENT: Record<SafetyGroupKey, string[]> = {
  now: [
    "Get medical care today, not a massage, for sudden calf pain or swelling in one leg, or a calf that is warm or red.",
    "Call 911 for chest pain, sudden breathlessness or coughing up blood.",
  ],
  doctor: [
    "Ask your doctor first after a past or suspected blood clot, on blood thinners, or after surgery or a long spell of immobility in the last 12 weeks; then call us to book.",
    "Check with your midwife or doctor first if you are pregnant or gave birth recently.",
  ],
  tell: [
    "Point out varicose veins: we never press on them, and a vein that is hard, painful, red or warm needs a doctor first.",
    "Mention a bleeding disorder or easy bruising, and we keep the pressure light.",
    "Mention diabetes with reduced feeling in the feet before we start.",
  ],
  cannot: ["We can't massage over open wounds, an infection or a rash on the lower leg."],
};

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

/** Every treatment's guidance plus the service's own, grouped, each said once, empty groups left out. */
export function groupSafetyItems(serviceItems: readonly string[]): SafetyGroup[] {
  const seen = new Set<string>();
  const groups = SAFETY_GROUPS.map((group) => ({ key: group.key, label: group.label, items: [] as string[] }));
  const add = (key: SafetyGroupKey, text: string) => {
    const id = normalise(text);
    if (!id || seen.has(id)) return;
    seen.add(id);
    groups.find((group) => group.key === key)!.items.push(text);
  };
  for (const group of SAFETY_GROUPS) for (const text of EVERY_TREATMENT[group.key]) add(group.key, text);
  for (const line of serviceItems) {
    const { key, text } = groupOf(line);
    add(key, text);
  }
  return groups.filter((group) => group.items.length > 0);
}
