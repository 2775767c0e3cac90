// The client's IP, for throttling. It is taken only from what the client cannot forge: the entry
// trusted proxies appended to X-Forwarded-For, or the socket's address (see clientIpFrom).
import { isIP } from "node:net";
import { currentRequestStore } from "@/lib/http/request-store";

// Each proxy in front of the app appends the address it received the request from to
// X-Forwarded-For (Next.js fills it in only when it is missing, so without a proxy the client
// chooses it), so the client is the entry TRUST_PROXY_HOPS places from the right. Entries further
// left are whatever the client chose to send and are ignored, and so is X-Real-IP, which nothing in
// front of the app is known to overwrite. With TRUST_PROXY_HOPS=0 (no proxy) the client is the
// socket's address, which the production server (server.mjs) puts in the request's store
// (lib/http/request-store.ts): never in a header, which a client could send itself when the app
// runs under another server (it once travelled in one, and `next start` passed a forged one
// through). X-Forwarded-For is then ignored entirely.
/**
 * The client's address for the throttles. `socketAddress` defaults to the one server.mjs recorded
 * for the request under way; outside that server there is none and the address is "unknown".
 */
export function clientIpFrom(
  headers: Headers,
  trustedHops = 1,
  socketAddress: string | undefined = currentRequestStore()?.socketAddress,
): string {
  if (trustedHops === 0) {
    const ip = normaliseIp(socketAddress ?? "");
    if (ip === "unknown") warnOnceAboutUnknownIp(0, 0);
    return ip;
  }
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const ip = normaliseIp(chain[chain.length - trustedHops] ?? "");
  if (ip === "unknown") warnOnceAboutUnknownIp(chain.length, trustedHops);
  return ip;
}

/** A valid address without its port, IPv6 reduced to its /64 (one household or host), else "unknown". */
export function normaliseIp(value: string): string {
  const address = withoutPort(value);
  if (address === null) return "unknown";
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return isIP(mapped) === 4 ? mapped : "unknown";
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) return ipv6Slash64(address);
  return "unknown";
}

// "1.2.3.4:5678" → "1.2.3.4"; "[::1]:443" and "[::1]" → "::1". A bare IPv6 address is left alone:
// its last group is not a port.
function withoutPort(value: string): string | null {
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(value);
  if (bracketed) return isIP(bracketed[1] ?? "") === 6 ? (bracketed[1] ?? null) : null;
  const ipv4WithPort = /^(\d+\.\d+\.\d+\.\d+):(\d{1,5})$/.exec(value);
  if (ipv4WithPort) return ipv4WithPort[1] ?? null;
  return value;
}

function ipv6Slash64(address: string): string {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail !== undefined && tail !== "" ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
  return `${groups
    .slice(0, 4)
    .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

// Every request with an unknown address shares one throttle bucket, so a deployment that never
// gets a usable X-Forwarded-For would throttle everyone together. Said once per process (the flag
// lives on globalThis because Next bundles this module into several chunks), never per request.
const globalForWarning = globalThis as typeof globalThis & { __clinicUnknownIpWarned?: boolean };

function warnOnceAboutUnknownIp(entries: number, trustedHops: number): void {
  if (globalForWarning.__clinicUnknownIpWarned) return;
  globalForWarning.__clinicUnknownIpWarned = true;
  if (trustedHops === 0) {
    console.warn(
      "[auth] client IP is unknown: TRUST_PROXY_HOPS=0 reads the socket's address, which only the production " +
        "server (npm start, server.mjs) passes to the app. Requests without an address share one sign-in throttle.",
    );
    return;
  }
  console.warn(
    `[auth] client IP is unknown: X-Forwarded-For had ${entries} usable entr${entries === 1 ? "y" : "ies"} and ` +
      `TRUST_PROXY_HOPS=${trustedHops}. Requests without an address share one sign-in throttle; check that ` +
      `the proxy in front of the app appends to X-Forwarded-For and that TRUST_PROXY_HOPS counts the proxies.`,
  );
}
