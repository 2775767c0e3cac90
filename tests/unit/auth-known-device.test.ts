// Known-device tokens: signed with AUTH_SECRET over the user id and issue time; anything else is
// no token at all.
import { describe, expect, it } from "vitest";
import { issueKnownDeviceToken, KNOWN_DEVICE_MAX_AGE_SECONDS, readKnownDeviceToken } from "@/lib/auth/known-device";

const secret = "k".repeat(40);
const now = Date.parse("2026-11-23T12:00:00Z");
const userId = "cmabc123def456ghi789jkl0";

describe("known-device tokens", () => {
  const token = issueKnownDeviceToken(userId, { secret, now });

  it("vouch for the account they were issued on", () => {
    expect(readKnownDeviceToken(token, { secret, now: now + 1000 })).toEqual({ userId, issuedAt: now / 1000 });
  });

  it.each([
    ["missing", undefined],
    ["empty", ""],
    ["garbage", "not-a-token"],
    ["moved to another account", token.replace(userId, "cmzzz999zzz999zzz999zzz9")],
    ["re-dated", token.replace(`.${now / 1000}.`, `.${now / 1000 + 86_400}.`)],
    ["with a changed signature", `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`],
    ["with a truncated signature", token.slice(0, -1)],
    ["from another secret", issueKnownDeviceToken(userId, { secret: "z".repeat(40), now })],
    ["too long", `${token}${"A".repeat(300)}`],
  ])("refuse a token %s", (_label, candidate) => {
    expect(readKnownDeviceToken(candidate, { secret, now })).toBeNull();
  });

  it("expire after their maximum age and refuse tokens from the future", () => {
    const later = now + (KNOWN_DEVICE_MAX_AGE_SECONDS + 1) * 1000;
    expect(readKnownDeviceToken(token, { secret, now: later })).toBeNull();
    expect(readKnownDeviceToken(token, { secret, now: now - 10 * 60_000 })).toBeNull();
    expect(
      readKnownDeviceToken(token, { secret, now: now + (KNOWN_DEVICE_MAX_AGE_SECONDS - 60) * 1000 }),
    ).not.toBeNull();
  });
});
