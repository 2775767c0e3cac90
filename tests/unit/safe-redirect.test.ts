// Post-sign-in destinations: only paths on this site. The table holds known tricks; the property
// test throws arbitrary strings (and strings built from the tricky pieces) at it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/auth/safe-redirect";

const SITE = "https://clinic.example";

// How a browser reads a Location header on a page of this site.
function resolvedOrigin(path: string, base = `${SITE}/sign-in`): string {
  return new URL(path, base).origin;
}

describe("safeRedirectPath", () => {
  it.each([
    ["/account", "/account"],
    ["/staff?day=2026-11-23", "/staff?day=2026-11-23"],
    ["/learn/aftercare#hydration", "/learn/aftercare#hydration"],
    ["/learn/../account", "/account"],
    ["//evil.test/path", "/account"],
    ["/\\evil.test", "/account"],
    ["https://evil.test", "/account"],
    ["/\t/evil.test", "/account"],
    ["/\n/evil.test", "/account"],
    // Dot segments that collapse into a protocol-relative URL once resolved.
    ["/.//evil.test", "/account"],
    ["/%2e//evil.test", "/account"],
    ["/%2E//evil.test", "/account"],
    ["/a/..//evil.test", "/account"],
    ["/a/%2e%2e//evil.test", "/account"],
    ["/./%2e/..//evil.test/x?y#z", "/account"],
    ["/%09/evil.test", "/%09/evil.test"],
    ["/ok\\..\\evil", "/account"],
    ["", "/account"],
    [undefined, "/account"],
    [42, "/account"],
  ])("%j → %s", (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  it("keeps the caller's fallback", () => {
    expect(safeRedirectPath("/.//evil.test", "/staff")).toBe("/staff");
  });

  const tricky = fc
    .array(
      fc.constantFrom("/", "//", "\\", ".", "..", "%2e", "%2E", "%2f", "%5c", "%09", "\t", " ", "@", ":", "?", "#"),
      { maxLength: 10 },
    )
    .chain((pieces) =>
      fc.constantFrom("evil.test", "a", "").map((word) => ["/", ...pieces, word, ...pieces.slice().reverse()].join("")),
    );
  const anyInput = fc.oneof(tricky, fc.string({ unit: "binary", maxLength: 60 }), fc.webUrl(), fc.webPath());

  it("whatever the input, the result is a path that stays on this site", () => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = safeRedirectPath(input);
        expect(result.startsWith("/")).toBe(true);
        expect(result.startsWith("//")).toBe(false);
        expect(result.startsWith("/\\")).toBe(false);
        expect(resolvedOrigin(result)).toBe(SITE);
        expect(resolvedOrigin(result, `${SITE}/a/b/c`)).toBe(SITE);
      }),
      { numRuns: 5000 },
    );
  });
});
