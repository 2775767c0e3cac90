// The service page's "Before you book: safety" list, grouped by what it asks the visitor to do.
// The words come from lib/catalog/safety.ts (every treatment's guidance once, plus the service's own).
import { groupSafetyItems } from "@/lib/catalog/safety";

export function SafetyList({ items }: { items: readonly string[] }) {
  return (
    <div className="mt-3 flex flex-col gap-4">
      {groupSafetyItems(items).map((group) => (
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
