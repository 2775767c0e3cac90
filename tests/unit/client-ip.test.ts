// The client IP used by the throttles: only what the trusted proxies saw counts.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AsyncLocalStorage } from "node:async_hooks";
import { clientIpFrom } from "@/lib/auth/client-ip";
import { REQUEST_STORE_KEY, type RequestStore } from "@/lib/http/request-store";

const forwarded = (value: string, extra: Record<string, string> = {}) =>
  new Headers({ "x-forwarded-for": value, ...extra });

describe("clientIpFrom", () => {
  let warn: ReturnType<typeof vi.spyOn>;
  beforeEach(() => {
    delete (globalThis as { __clinicUnknownIpWarned?: boolean }).__clinicUnknownIpWarned;
    warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  });
  afterEach(() => warn.mockRestore());

  it("reads the entry the trusted proxies appended, not what the client sent", () => {
    expect(clientIpFrom(forwarded("1.2.3.4, 198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(clientIpFrom(forwarded("1.2.3.4, 198.51.100.7, 10.0.0.2"), 2)).toBe("198.51.100.7");
  });

  it("ignores X-Real-IP, which any client can set when no proxy overwrites it", () => {
    expect(clientIpFrom(new Headers({ "x-real-ip": "203.0.113.50" }), 1)).toBe("unknown");
    expect(clientIpFrom(forwarded("198.51.100.7", { "x-real-ip": "203.0.113.50" }), 2)).toBe("unknown");
  });

  it.each([
    ["1.2.3.4:5678", "1.2.3.4"],
    ["198.51.100.7:443", "198.51.100.7"],
    ["[::1]:443", "0:0:0:0::/64"],
    ["[2001:db8:abcd:12::1]:8080", "2001:db8:abcd:12::/64"],
    ["[2001:db8::1]", "2001:db8:0:0::/64"],
    ["2001:db8::1", "2001:db8:0:0::/64"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["[::ffff:203.0.113.9]:1234", "203.0.113.9"],
    ["1.2.3.4:notaport", "unknown"],
    ["1.2.3.4:", "unknown"],
    ["1.2.3.4:5678:9", "unknown"],
    ["[1.2.3.4]:80", "unknown"],
    ["2001:db8::1:8080", "2001:db8:0:0::/64"],
  ])("strips a port: %s → %s", (value, expected) => {
    expect(clientIpFrom(forwarded(value), 1)).toBe(expected);
  });

  it("says once per process when it cannot tell the client's address", () => {
    expect(clientIpFrom(new Headers(), 1)).toBe("unknown");
    expect(clientIpFrom(forwarded("not-an-ip"), 1)).toBe("unknown");
    expect(clientIpFrom(forwarded("198.51.100.7"), 3)).toBe("unknown");
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).toMatch(/client IP.*unknown.*TRUST_PROXY_HOPS/s);
  });

  it("does not warn when the address is known", () => {
    expect(clientIpFrom(forwarded("198.51.100.7"), 1)).toBe("198.51.100.7");
    expect(warn).not.toHaveBeenCalled();
  });

  describe("with no proxy (TRUST_PROXY_HOPS=0)", () => {
    // server.mjs runs each request in a store holding its socket's address; these run in one too.
    const storage = new AsyncLocalStorage<RequestStore>();
    beforeEach(() => {
      (globalThis as { [REQUEST_STORE_KEY]?: unknown })[REQUEST_STORE_KEY] = storage;
    });
    afterEach(() => {
      delete (globalThis as { [REQUEST_STORE_KEY]?: unknown })[REQUEST_STORE_KEY];
    });
    const ipWith = (socket: string | undefined, forwardedFor: string | undefined, hops: number) =>
      storage.run(socket !== undefined ? { socketAddress: socket } : {}, () =>
        clientIpFrom(new Headers(forwardedFor !== undefined ? { "x-forwarded-for": forwardedFor } : {}), hops),
      );

    it("reads the socket's address and ignores X-Forwarded-For entirely", () => {
      expect(ipWith("198.51.100.7", undefined, 0)).toBe("198.51.100.7");
      expect(ipWith("198.51.100.7", "203.0.113.50", 0)).toBe("198.51.100.7");
      expect(ipWith("198.51.100.7", "203.0.113.50, 192.0.2.1", 0)).toBe("198.51.100.7");
      expect(ipWith("::ffff:198.51.100.7", undefined, 0)).toBe("198.51.100.7");
      expect(ipWith("2001:db8:abcd:12::1", undefined, 0)).toBe("2001:db8:abcd:12::/64");
    });

    it("never falls back to X-Forwarded-For when the socket's address is missing", () => {
      expect(ipWith(undefined, "203.0.113.50", 0)).toBe("unknown");
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]?.[0])).toMatch(/TRUST_PROXY_HOPS=0.*server\.mjs/s);
    });

    it("never takes the address from a header, whatever a client sends", () => {
      const forged = new Headers({ "x-clinic-socket-address": "203.0.113.50", "x-forwarded-for": "203.0.113.51" });
      expect(storage.run({ socketAddress: "198.51.100.7" }, () => clientIpFrom(forged, 0))).toBe("198.51.100.7");
      // Outside server.mjs (next start, next dev) there is no store: the address is unknown.
      expect(clientIpFrom(forged, 0)).toBe("unknown");
    });

    it("keeps reading X-Forwarded-For only as far as the proxies when hops is 1 or more", () => {
      expect(ipWith("10.0.0.2", "203.0.113.50, 198.51.100.7", 1)).toBe("198.51.100.7");
    });
  });
});
