// A dependency that is down gives 503 + Retry-After with a calm message, and the log one line per
// kind per interval, not a stack trace per request.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AsyncLocalStorage } from "node:async_hooks";
import { PaymentsUnavailable } from "@/lib/errors/domain-errors";
import { unlessDatabaseUnavailable } from "@/lib/forms/form-state";
import { apiHandler, errorResponse } from "@/lib/http/api-error";
import { createFoldedLog } from "@/lib/http/folded-log";
import { REQUEST_STORE_KEY, type RequestStore } from "@/lib/http/request-store";
import { reportUnavailable } from "@/lib/http/unavailable";

const refused = () =>
  Object.assign(new Error("DatabaseNotReachable"), {
    name: "DriverAdapterError",
    cause: { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 1 },
  });

describe("createFoldedLog", () => {
  it("writes one line per kind per interval and counts the ones it folded", () => {
    let now = 0;
    const lines: string[] = [];
    const log = createFoldedLog({ intervalMs: 30_000, now: () => now, write: (line) => lines.push(line) });
    expect(log.note("database unreachable", "connect ECONNREFUSED")).toBe(true);
    for (let request = 0; request < 500; request++) log.note("database unreachable", "connect ECONNREFUSED");
    log.note("database timeout", "canceling statement due to statement timeout");
    now = 29_999;
    expect(log.note("database unreachable", "connect ECONNREFUSED")).toBe(false);
    now = 30_000;
    log.note("database unreachable", "connect ECONNREFUSED");
    expect(lines).toEqual([
      "database unreachable: connect ECONNREFUSED",
      "database timeout: canceling statement due to statement timeout",
      "database unreachable: connect ECONNREFUSED (501 more since the last line)",
    ]);
  });
});

describe("unavailable dependencies in the API", () => {
  let log: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    delete (globalThis as { __clinicUnavailableLog?: unknown }).__clinicUnavailableLog;
    log = vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => log.mockRestore());

  it("answers 503 with Retry-After and a calm message, never the driver's words", async () => {
    const handler = apiHandler(async () => {
      throw refused();
    });
    for (let request = 0; request < 100; request++) {
      const response = await handler();
      expect(response.status).toBe(503);
      expect(response.headers.get("Retry-After")).toBe("5");
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("unavailable");
      expect(body.error.message).toMatch(/try again in a minute/);
      expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|DatabaseNotReachable|at /);
    }
    // A hundred failing requests, one log line (no stack).
    expect(log).toHaveBeenCalledTimes(1);
    expect(String(log.mock.calls[0]?.[0])).toMatch(/^\[unavailable\] database unreachable: /);
  });

  it("gives a payment provider outage Retry-After too", () => {
    const response = errorResponse(new PaymentsUnavailable());
    expect(response.status).toBe(503);
    expect(response.headers.get("Retry-After")).toBe("5");
  });

  it("marks the request for the production server, which then answers 503", () => {
    const storage = new AsyncLocalStorage<RequestStore>();
    const holder = globalThis as { [REQUEST_STORE_KEY]?: AsyncLocalStorage<RequestStore> };
    holder[REQUEST_STORE_KEY] = storage;
    try {
      const store: RequestStore = {};
      storage.run(store, () => reportUnavailable("database timeout", new Error("statement timeout")));
      expect(store.unavailable).toBe("database timeout");
    } finally {
      delete holder[REQUEST_STORE_KEY];
    }
  });
});

describe("Server Actions with the database unavailable", () => {
  let log: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    delete (globalThis as { __clinicUnavailableLog?: unknown }).__clinicUnavailableLog;
    log = vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => log.mockRestore());

  it("show the calm message in the form's own message area", async () => {
    const state = await unlessDatabaseUnavailable<{ ok: boolean; formError?: string }>(Promise.reject(refused()));
    expect(state).toEqual({ ok: false, formError: expect.stringMatching(/try again in a minute/) });
    const custom = await unlessDatabaseUnavailable(Promise.reject(refused()), (formError) => ({
      status: "error" as const,
      formError,
    }));
    expect(custom.status).toBe("error");
    expect(log).toHaveBeenCalledTimes(1);
  });

  it("let every other error through (a redirect, a bug)", async () => {
    const redirect = Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/account;307;" });
    await expect(unlessDatabaseUnavailable(Promise.reject(redirect))).rejects.toBe(redirect);
    await expect(unlessDatabaseUnavailable(Promise.reject(new RangeError("a bug")))).rejects.toThrow(RangeError);
    expect(log).not.toHaveBeenCalled();
  });
});
