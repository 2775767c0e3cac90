// The client's IP for throttling. Behind a proxy the first X-Forwarded-For entry is the client;
// deploy behind one that overwrites the header, or a client could choose its own key.
export function clientIpFrom(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip")?.trim() || "unknown";
}
