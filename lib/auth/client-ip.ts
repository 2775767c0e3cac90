// The client's IP, for throttling. Each proxy in front of the app appends the address it received
// the request from to X-Forwarded-For (Next.js fills it in when there is no proxy), so the client is
// the entry TRUST_PROXY_HOPS places from the right. Entries further left are whatever the client
// chose to send and are ignored. Deploy behind a proxy that appends to the header.
import { isIP } from "node:net";

export function clientIpFrom(headers: Headers, trustedHops = 1): string {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const candidate = chain[chain.length - trustedHops] ?? headers.get("x-real-ip")?.trim() ?? "";
  return normaliseIp(candidate);
}

/** A valid address, IPv6 reduced to its /64 (one household or host), else "unknown". */
export function normaliseIp(value: string): string {
  const address = value.replace(/^\[|\]$/g, "").replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  const version = isIP(address);
  if (version === 4) return address;
  if (version === 6) {
    const [head = "", tail] = address.split("::");
    const left = head ? head.split(":") : [];
    const right = tail !== undefined && tail !== "" ? tail.split(":") : [];
    const groups = tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill("0"), ...right];
    return `${groups
      .slice(0, 4)
      .map((group) => group.toLowerCase().replace(/^0+(?=.)/, ""))
      .join(":")}::/64`;
  }
  return "unknown";
}
