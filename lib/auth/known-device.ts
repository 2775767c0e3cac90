// A browser that has signed in to an account before is exempt from that account's sign-in throttle,
// so a stranger failing on purpose cannot lock the owner out. The signed token names its account and
// has a throttle of its own (authenticate.ts), so a stolen one is worth no more than the password's.
import { createHmac, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

export const KNOWN_DEVICE_MAX_AGE_SECONDS = 180 * 24 * 60 * 60;

const VERSION = "v1";
// Clock skew allowed between app instances for a token issued "in the future".
const SKEW_SECONDS = 60;

export interface KnownDevice {
  userId: string;
  issuedAt: number;
}

interface Options {
  secret?: string;
  now?: number;
}

function signature(secret: string, userId: string, issuedAt: number): Buffer {
  return createHmac("sha256", secret).update(`known-device:${VERSION}:${userId}:${issuedAt}`).digest();
}

export function issueKnownDeviceToken(
  userId: string,
  { secret = getEnv().AUTH_SECRET, now = Date.now() }: Options = {},
) {
  const issuedAt = Math.floor(now / 1000);
  return `${VERSION}.${userId}.${issuedAt}.${signature(secret, userId, issuedAt).toString("base64url")}`;
}

/** The device a token vouches for, or null when it is missing, forged, malformed or too old. */
export function readKnownDeviceToken(
  token: string | undefined,
  { secret = getEnv().AUTH_SECRET, now = Date.now() }: Options = {},
): KnownDevice | null {
  if (!token || token.length > 200) return null;
  const match = /^v1\.([A-Za-z0-9_-]{1,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, userId = "", issued = "", mac = ""] = match;
  const issuedAt = Number(issued);
  const expected = signature(secret, userId, issuedAt);
  const given = Buffer.from(mac, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  const age = Math.floor(now / 1000) - issuedAt;
  if (age > KNOWN_DEVICE_MAX_AGE_SECONDS || age < -SKEW_SECONDS) return null;
  return { userId, issuedAt };
}
