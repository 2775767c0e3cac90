// Stripe's form encoding, as the SDK writes it, decodes into the nested parameters the schemas see.
import { describe, expect, it } from "vitest";
import { EmulatorError } from "@/lib/dev/stripe-emulator/emulator-error";
import { canonicalizeParams, parseFormParams } from "@/lib/dev/stripe-emulator/parse-form-params";

describe("parseFormParams", () => {
  it.each([
    ["a flat parameter", "mode=payment", { mode: "payment" }],
    [
      "nested line items with indices",
      "line_items[0][price_data][currency]=usd&line_items[0][quantity]=1",
      { line_items: { "0": { price_data: { currency: "usd" }, quantity: "1" } } },
    ],
    ["brackets percent-encoded", "metadata%5BbookingId%5D=b1", { metadata: { bookingId: "b1" } }],
    ["empty brackets appending", "expand[]=payment_intent&expand[]=x", { expand: { "0": "payment_intent", "1": "x" } }],
    [
      "plus as a space and encoded braces",
      "success_url=http%3A%2F%2Fa%2Fok%3Fid%3D%7BCHECKOUT_SESSION_ID%7D&n=a+b",
      {
        success_url: "http://a/ok?id={CHECKOUT_SESSION_ID}",
        n: "a b",
      },
    ],
    ["an empty value, which Stripe reads as unset", "customer_email=&mode=payment", { mode: "payment" }],
    ["nothing at all", "", {}],
  ])("decodes %s", (_label, encoded, expected) => {
    expect(parseFormParams(encoded)).toEqual(expected);
  });

  it.each([
    ["a value and a hash under one name", "metadata=x&metadata[a]=b"],
    ["a hash and then a value under one name", "metadata[a]=b&metadata=x"],
    ["a malformed name", "a]b=1"],
    ["broken percent-encoding", "a=%E0%A4%A"],
  ])("refuses %s with a Stripe-shaped 400", (_label, encoded) => {
    expect(() => parseFormParams(encoded)).toThrow(EmulatorError);
  });
});

describe("canonicalizeParams", () => {
  it("is the same whatever order the parameters came in", () => {
    expect(canonicalizeParams(parseFormParams("a=1&b[y]=2&b[x]=3"))).toBe(
      canonicalizeParams(parseFormParams("b[x]=3&a=1&b[y]=2")),
    );
    expect(canonicalizeParams(parseFormParams("a=1"))).not.toBe(canonicalizeParams(parseFormParams("a=2")));
  });
});
