// What every JSON route handler checks about a request before it reads or writes anything.
import { describe, expect, it } from "vitest";
import { ApiError, assertSameOrigin } from "@/lib/http/api-error";
import { readBodyText, readJsonBody } from "@/lib/http/read-json-body";

const APP = "https://clinic.example";

async function refusal(work: () => unknown): Promise<ApiError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error("expected a refusal");
}

describe("same-origin check for state-changing requests", () => {
  const post = (headers: Record<string, string>) => new Request(`${APP}/api/bookings`, { method: "POST", headers });

  it("refuses a POST a browser sent from another site", async () => {
    const error = await refusal(() => assertSameOrigin(post({ origin: "https://evil.example" }), APP));
    expect(error.status).toBe(403);
    await refusal(() => assertSameOrigin(post({ origin: "https://clinic.example.evil.example" }), APP));
    await refusal(() => assertSameOrigin(post({ origin: "null" }), APP));
  });

  it("accepts its own origin, requests without one, and reads", () => {
    expect(() => assertSameOrigin(post({ origin: APP }), APP)).not.toThrow();
    expect(() => assertSameOrigin(post({}), APP)).not.toThrow();
    const read = new Request(`${APP}/api/bookings`, { headers: { origin: "https://evil.example" } });
    expect(() => assertSameOrigin(read, APP)).not.toThrow();
  });
});

describe("reading a request body", () => {
  const json = (body: string, type = "application/json") =>
    new Request(`${APP}/api/bookings`, { method: "POST", body, headers: { "content-type": type } });

  it("parses a JSON body declared as JSON", async () => {
    expect(await readJsonBody(json('{"service":"calf-reset-30"}'))).toEqual({ service: "calf-reset-30" });
  });

  it("refuses a body that is not declared as JSON, as a cross-site form would send it", async () => {
    const error = await refusal(() => readJsonBody(json('{"service":"x"}', "text/plain")));
    expect(error.status).toBe(400);
  });

  // PostgreSQL refuses a NUL in text: it reached the database as a 500 before (issue #16 point 9).
  it("refuses a NUL in any field with 400, escaped or raw", async () => {
    expect((await refusal(() => readJsonBody(json('{"service":"calf\\u0000"}')))).status).toBe(400);
    expect((await refusal(() => readJsonBody(json('{"reason":"a\u0000b"}')))).status).toBe(400);
    expect(await readJsonBody(json('{"reason":"a\\nb"}'))).toEqual({ reason: "a\nb" });
  });

  it("refuses malformed JSON with 400", async () => {
    expect((await refusal(() => readJsonBody(json("{ nope")))).status).toBe(400);
  });

  it("refuses a body over the limit with 413, even when Content-Length is not sent", async () => {
    expect((await refusal(() => readJsonBody(json(`"${"x".repeat(20_000)}"`)))).status).toBe(413);
    const chunked = new Request(`${APP}/api/webhooks/stripe`, {
      method: "POST",
      body: new ReadableStream({
        start(controller) {
          for (let index = 0; index < 10; index++) controller.enqueue(new Uint8Array(1024));
          controller.close();
        },
      }),
      // @ts-expect-error Node's fetch needs this for a streamed body.
      duplex: "half",
    });
    expect((await refusal(() => readBodyText(chunked, 4096))).status).toBe(413);
  });
});
