import { describe, expect, it } from "vitest";
import {
  IntakeBlocked,
  InvalidTransition,
  NotFound,
  PaymentsUnavailable,
  SlotTaken,
  Unprocessable,
} from "@/lib/errors/domain-errors";
import { errorResponse } from "@/lib/http/api-error";

describe("domain errors as HTTP answers", () => {
  it.each([
    [new NotFound(), 404, "not_found"],
    [new SlotTaken(), 409, "conflict"],
    [new InvalidTransition(), 409, "conflict"],
    [new IntakeBlocked("same_day", "Please see a doctor today."), 422, "unprocessable"],
    [new PaymentsUnavailable(), 503, "unavailable"],
    [new Unprocessable("Choose a time on the quarter hour.", { start: ["Off the grid."] }), 422, "unprocessable"],
  ])("%s → %i", async (error, status, code) => {
    const response = errorResponse(error);
    expect(response.status).toBe(status);
    const body = (await response.json()) as { error: { code: string; message: string; fields?: unknown } };
    expect(body.error.code).toBe(code);
    expect(body.error.message).toBe(error.message);
    expect(body.error.fields).toEqual(error.fields);
  });

  it("says a taken slot in words a client can act on", async () => {
    const body = (await errorResponse(new SlotTaken()).json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/just taken/);
  });
});
