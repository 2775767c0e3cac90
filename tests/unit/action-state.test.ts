import { describe, expect, it } from "vitest";
import { Unprocessable, SlotTaken } from "@/lib/errors/domain-errors";
import { field, filledField, toActionState } from "@/lib/forms/action-state";

describe("toActionState", () => {
  it("shows a domain error's message, and its fields' messages when it has any", () => {
    expect(toActionState(new SlotTaken())).toEqual({
      ok: false,
      formError: "That time was just taken. Please choose another time.",
    });
    expect(toActionState(new Unprocessable("Check the amount.", { amount: ["Too much."] }))).toEqual({
      ok: false,
      formError: "Check the amount.",
      fieldErrors: { amount: ["Too much."] },
    });
  });

  it("rethrows anything that is not a domain error", () => {
    const bug = new TypeError("x is undefined");
    expect(() => toActionState(bug)).toThrow(bug);
  });
});

describe("field and filledField", () => {
  const form = new FormData();
  form.set("name", "Robin");
  form.set("blank", "   ");
  form.set("file", new Blob(["x"]));

  it.each([
    ["name", "Robin", "Robin"],
    ["blank", "   ", undefined],
    ["file", undefined, undefined],
    ["missing", undefined, undefined],
  ])("%s reads as %j, and filled as %j", (name, asField, asFilled) => {
    expect(field(form, name)).toBe(asField);
    expect(filledField(form, name)).toBe(asFilled);
  });
});
