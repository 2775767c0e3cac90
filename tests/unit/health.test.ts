// GET /api/health answers 200 when the database answers, 503 (without the driver's message) when it
// does not, and 503 "draining" from SIGTERM on.
import { afterEach, describe, expect, it, vi } from "vitest";
import { DRAINING_KEY } from "@/lib/http/draining";

const queryRaw = vi.fn();
vi.mock("@/lib/db", () => ({ prisma: { $queryRaw: (...args: unknown[]) => queryRaw(...args) } }));

const { GET } = await import("@/app/api/health/route");

describe("GET /api/health", () => {
  afterEach(() => queryRaw.mockReset());

  it("is 200 with db ok when the database answers", async () => {
    queryRaw.mockResolvedValue([{ "?column?": 1 }]);
    const response = await GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
    expect(response.headers.get("cache-control")).toBe("no-store");
  });

  it("is 503 when the database is down, and says nothing about why", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    queryRaw.mockRejectedValue(new Error("connect ECONNREFUSED 127.0.0.1:5432 user=clinic"));
    const response = await GET();
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ status: "degraded", db: "unreachable" });
    expect(body).not.toContain("ECONNREFUSED");
    log.mockRestore();
  });

  it("answers 503 draining at once while the server shuts down, without asking the database", async () => {
    const flag = globalThis as { [DRAINING_KEY]?: boolean };
    flag[DRAINING_KEY] = true;
    try {
      const response = await GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: "draining" });
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("connection")).toBe("close");
      expect(queryRaw).not.toHaveBeenCalled();
    } finally {
      delete flag[DRAINING_KEY];
    }
  });
});
