// The comparison the conformance test relies on catches what it must: a missing key, an extra key,
// a changed JSON type, and a null where Stripe never sends one.
import { beforeAll, describe, expect, it } from "vitest";
import {
  listConformanceProblems,
  readStripeFixtures,
  type JsonValue,
} from "@/tests/support/stripe-fixture-conformance";
import { loadStripeNullability, type NullabilityOracle } from "@/tests/support/stripe-sdk-nullability";

const fixtures = readStripeFixtures();
let isNullable: NullabilityOracle;

beforeAll(() => {
  isNullable = loadStripeNullability();
}, 30_000);

function problemsOf(resource: "refund" | "checkout.session", mutate: (copy: Record<string, JsonValue>) => void) {
  const copy = structuredClone(fixtures[resource]);
  mutate(copy);
  return listConformanceProblems(copy, fixtures[resource], { resource, isNullable });
}

describe("the SDK-types nullability oracle", () => {
  it.each([
    ["checkout.session", ["after_expiration"], true],
    ["checkout.session", ["automatic_tax"], false],
    ["checkout.session", ["automatic_tax", "liability"], true],
    ["checkout.session", ["custom_text", "after_submit"], true],
    ["checkout.session", ["phone_number_collection"], false],
    ["checkout.session", ["payment_method_types", "[]"], false],
    ["payment_intent", ["last_payment_error"], true],
    ["payment_intent", ["metadata"], false],
    ["refund", ["charge"], true],
    ["refund", ["amount"], false],
    ["event", ["request"], true],
  ] as const)("%s %j nullable: %s", (resource, fieldPath, expected) => {
    expect(isNullable(resource, fieldPath)).toBe(expected);
  });

  it("refuses a field the SDK does not know, rather than guessing", () => {
    expect(() => isNullable("refund", ["no_such_field"])).toThrow(/no field no_such_field/);
  });
});

describe("listConformanceProblems", () => {
  it("finds nothing wrong with the fixture itself", () => {
    expect(problemsOf("checkout.session", () => {})).toEqual([]);
  });

  it("reports a missing key and an extra key", () => {
    expect(
      problemsOf("refund", (copy) => {
        delete copy.receipt_number;
        copy.amount_refunded = 0;
      }),
    ).toEqual(["receipt_number: missing (the fixture has it)", "amount_refunded: not in the fixture"]);
  });

  it("reports a changed JSON type, nested too", () => {
    const problems = problemsOf("checkout.session", (copy) => {
      copy.created = "1234567890";
      copy.automatic_tax = { enabled: "no", liability: { type: "account" }, status: null, provider: null };
    });
    expect(problems.sort()).toEqual([
      "automatic_tax.enabled: string, fixture has boolean",
      "created: string, fixture has number",
    ]);
  });

  it("accepts null only where Stripe declares the field nullable", () => {
    expect(
      problemsOf("checkout.session", (copy) => {
        copy.after_expiration = null;
        copy.automatic_tax = null;
      }),
    ).toEqual(["automatic_tax: null, but Stripe never sends null here (fixture has object)"]);
  });

  it("treats metadata as a map of strings, and {} in the fixture as 'no keys'", () => {
    expect(
      problemsOf("checkout.session", (copy) => {
        copy.metadata = { bookingId: "b1", count: 3 };
        copy.payment_method_options = { card: {} };
      }),
    ).toEqual(["metadata.count: metadata values are strings", "payment_method_options.card: not in the fixture"]);
  });

  it("compares array items with the fixture's first item", () => {
    expect(problemsOf("checkout.session", (copy) => (copy.payment_method_types = ["card", 7]))).toEqual([
      "payment_method_types.[]: number, fixture has string",
    ]);
  });
});
