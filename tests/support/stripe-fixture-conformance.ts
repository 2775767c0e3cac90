// Compares an object the emulator returned with Stripe's example of the same resource
// (../shared/stripe/fixtures3.json): exactly the same keys, the same JSON type for every value,
// recursively. A null in the fixture says nothing about the type, so it matches anything; a null
// from the emulator where the fixture has a value is fine only where Stripe declares the field
// nullable (see stripe-sdk-nullability.ts).
import { readFileSync } from "node:fs";
import path from "node:path";
import type { NullabilityOracle, StripeResourceName } from "./stripe-sdk-nullability";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export function readStripeFixtures(): Record<StripeResourceName, { [key: string]: JsonValue }> {
  const file = path.join(process.cwd(), "..", "shared", "stripe", "fixtures3.json");
  const parsed = JSON.parse(readFileSync(file, "utf8")) as { resources: Record<string, { [key: string]: JsonValue }> };
  const pick = (name: StripeResourceName) => {
    const resource = parsed.resources[name];
    if (!resource) throw new Error(`fixtures3.json has no resource ${name}`);
    return resource;
  };
  return {
    "checkout.session": pick("checkout.session"),
    payment_intent: pick("payment_intent"),
    refund: pick("refund"),
    event: pick("event"),
  };
}

function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/** Free-form string maps: their keys are the app's, not Stripe's schema. */
function isMetadata(fieldPath: readonly string[]): boolean {
  return fieldPath[fieldPath.length - 1] === "metadata";
}

export interface ConformanceOptions {
  resource: StripeResourceName;
  isNullable: NullabilityOracle;
  /** Fields compared elsewhere (an event's data.object is held to its own resource's fixture). */
  skip?: ReadonlyArray<readonly string[]>;
}

/** Every difference, as readable lines ("metadata.bookingId: …"); empty when the object conforms. */
export function listConformanceProblems(
  actual: unknown,
  fixture: JsonValue,
  options: ConformanceOptions,
  fieldPath: readonly string[] = [],
): string[] {
  const where = fieldPath.length === 0 ? "(root)" : fieldPath.join(".");
  if (options.skip?.some((skipped) => skipped.join(".") === fieldPath.join("."))) return [];
  if (fixture === null) return [];
  if (actual === null) {
    return options.isNullable(options.resource, fieldPath)
      ? []
      : [`${where}: null, but Stripe never sends null here (fixture has ${kindOf(fixture)})`];
  }
  if (kindOf(actual) !== kindOf(fixture)) return [`${where}: ${kindOf(actual)}, fixture has ${kindOf(fixture)}`];
  if (Array.isArray(fixture)) {
    const items = actual as unknown[];
    const [example] = fixture;
    if (example === undefined) {
      return items.length === 0 ? [] : [`${where}: has items, but the fixture shows none to compare them with`];
    }
    return items.flatMap((item) => listConformanceProblems(item, example, options, [...fieldPath, "[]"]));
  }
  if (typeof fixture !== "object") return [];
  const object = actual as Record<string, unknown>;
  if (isMetadata(fieldPath)) {
    return Object.entries(object)
      .filter(([, value]) => typeof value !== "string")
      .map(([key]) => `${where}.${key}: metadata values are strings`);
  }
  const problems: string[] = [];
  for (const key of Object.keys(fixture)) {
    if (!(key in object)) problems.push(`${fieldPath.concat(key).join(".")}: missing (the fixture has it)`);
  }
  for (const key of Object.keys(object)) {
    if (!(key in fixture)) problems.push(`${fieldPath.concat(key).join(".")}: not in the fixture`);
  }
  for (const [key, example] of Object.entries(fixture)) {
    if (key in object) problems.push(...listConformanceProblems(object[key], example, options, [...fieldPath, key]));
  }
  return problems;
}
