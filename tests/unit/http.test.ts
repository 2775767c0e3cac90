import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ApiError, apiHandler, errorResponse } from "@/lib/http/api-error";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { isExclusionViolation } from "@/lib/db/errors";

describe("API errors", () => {
  it.each([
    ["unauthenticated", 401],
    ["not_found", 404],
    ["conflict", 409],
    ["unprocessable", 422],
    ["rate_limited", 429],
  ] as const)("maps %s to %i with the documented shape", async (code, status) => {
    const response = errorResponse(new ApiError(code, "Message for people."));
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: { code, message: "Message for people." } });
  });

  it("turns a validation failure into 400 with field messages", async () => {
    const parsed = z.object({ start: z.iso.datetime() }).safeParse({ start: "tomorrow" });
    const response = errorResponse(parsed.error);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { fields: Record<string, string[]> } };
    expect(Object.keys(body.error.fields)).toEqual(["start"]);
  });

  it("never leaks an unexpected error's message or stack", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const handler = apiHandler(async () => {
      throw new Error("connect ECONNREFUSED 10.0.0.5:5432 password=hunter2");
    });
    const response = await handler();
    const text = await response.text();
    expect(response.status).toBe(500);
    expect(text).not.toMatch(/ECONNREFUSED|hunter2|at /);
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

describe("request helpers", () => {
  it.each([
    ["/account", "/account"],
    ["/staff?day=2026-11-23", "/staff?day=2026-11-23"],
    ["//evil.test/path", "/account"],
    ["/\\evil.test", "/account"],
    ["https://evil.test", "/account"],
    ["/\t/evil.test", "/account"],
    ["/\n/evil.test", "/account"],
    ["/%09/evil.test", "/%09/evil.test"],
    ["/ok\\..\\evil", "/account"],
    [undefined, "/account"],
  ])("safe redirect %s → %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it("takes the client IP the trusted proxies saw, ignoring what the client added", () => {
    // The client claims 1.2.3.4; our one proxy appended the address it really saw.
    const spoofed = new Headers({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" });
    expect(clientIpFrom(spoofed, 1)).toBe("198.51.100.7");
    expect(clientIpFrom(new Headers({ "x-forwarded-for": "198.51.100.7, 10.0.0.2" }), 2)).toBe("198.51.100.7");
    expect(clientIpFrom(new Headers())).toBe("unknown");
  });

  it.each([
    ["not-an-ip", "unknown"],
    ["x".repeat(5000), "unknown"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["2001:db8:abcd:12:1:2:3:4", "2001:db8:abcd:12::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["[2001:DB8:0:0:ffff::1]", "2001:db8:0:0::/64"],
  ])("normalises %s to %s", (value, expected) => {
    expect(clientIpFrom(new Headers({ "x-forwarded-for": value }))).toBe(expected);
  });

  it("recognises an exclusion violation however the driver adapter wraps it", () => {
    expect(isExclusionViolation({ cause: { originalCode: "23P01" } })).toBe(true);
    expect(isExclusionViolation({ meta: { driverAdapterError: { cause: { originalCode: "23P01" } } } })).toBe(true);
    expect(isExclusionViolation({ code: "23505" })).toBe(false);
    expect(isExclusionViolation(new Error("boom"))).toBe(false);
  });
});

describe("database error recognition", async () => {
  const { isSerializationFailure, isUniqueViolation } = await import("@/lib/db/errors");

  it("sees a serialization failure behind Prisma's P2034 and behind PGlite's raw SQLSTATE", () => {
    expect(
      isSerializationFailure({ code: "P2034", meta: { driverAdapterError: { cause: { originalCode: "40001" } } } }),
    ).toBe(true);
    expect(isSerializationFailure({ code: "P2034" })).toBe(true);
    expect(isSerializationFailure({ cause: { kind: "postgres", code: "40001" } })).toBe(true);
    expect(isSerializationFailure({ code: "P2002" })).toBe(false);
  });

  it("finds the SQLSTATE under a Prisma code", () => {
    expect(
      isExclusionViolation({ code: "P2010", meta: { driverAdapterError: { cause: { originalCode: "23P01" } } } }),
    ).toBe(true);
    expect(isUniqueViolation({ code: "P2002" })).toBe(true);
    expect(isUniqueViolation({ cause: { originalCode: "23505" } })).toBe(true);
  });
});

describe("demo seed refusal", async () => {
  const { demoSeedRefusal } = await import("@/lib/dev/demo/seed-demo");

  it.each([
    [{ NODE_ENV: "development" }, null],
    [{ NODE_ENV: "development", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/clinic" }, null],
    [{ NODE_ENV: "production", DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/clinic" }, /NODE_ENV is production/],
    [{ NODE_ENV: "development", DATABASE_URL: "postgresql://app@db.internal:5432/clinic" }, /points at db\.internal/],
  ])("%j → %s", (env, expected) => {
    const refusal = demoSeedRefusal(env);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
});
