// The service page's "Before you book: safety" list, grouped by what it asks the visitor to do.
// The words come from lib/catalog/safety.ts: the questionnaire's rules for this service, plus its own lines.
import { groupSafetyItems } from "@/lib/catalog/safety";

export function SafetyList({ items, serviceSlug }: { items: readonly string[]; serviceSlug?: string }) {
  return (
    <div className="mt-3 flex flex-col gap-4">
      {groupSafetyItems(items, serviceSlug).map((group) => (
        <div key={group.key}>
          <h3 className="font-sans text-base font-bold text-ink">{group.label}</h3>
          <ul className="mt-1 list-disc space-y-1.5 pl-5">
            {group.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
