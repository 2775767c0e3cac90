// Two-factor codes: the RFC 6238 test vectors (through @oslojs/otp), one step of clock drift either
// way, no second use of a code, and the sealed key: it opens with the same AUTH_SECRET only, and a
// changed byte is detected.
import { generateHOTP } from "@oslojs/otp";
import { describe, expect, it } from "vitest";
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  normalizeRecoveryCode,
  RECOVERY_CODE_BITS,
} from "@/lib/auth/recovery-codes";
import { openSecret, sealSecret, SecretBoxOpenError } from "@/lib/auth/secret-box";
import {
  formatTotpKeyForManualEntry,
  matchTotpStep,
  TOTP_PERIOD_SECONDS,
  totpCodeAt,
  totpKeyUri,
  totpStepAt,
} from "@/lib/auth/totp";

// RFC 6238 appendix B, SHA-1: the key is the ASCII "12345678901234567890", codes are 8 digits.
const RFC_KEY = new TextEncoder().encode("12345678901234567890");
const RFC_VECTORS: [seconds: number, code: string][] = [
  [59, "94287082"],
  [1111111109, "07081804"],
  [1111111111, "14050471"],
  [1234567890, "89005924"],
  [2000000000, "69279037"],
  [20000000000, "65353130"],
];

const at = (seconds: number) => new Date(seconds * 1000);

describe("TOTP codes", () => {
  it.each(RFC_VECTORS)("matches RFC 6238 at T=%i", (seconds, code) => {
    const step = totpStepAt(at(seconds));
    expect(generateHOTP(RFC_KEY, BigInt(step), 8)).toBe(code);
    // Six digits are the last six of the eight (both are the same number modulo a power of ten).
    expect(totpCodeAt(RFC_KEY, step)).toBe(code.slice(-6));
    expect(matchTotpStep(RFC_KEY, code.slice(-6), at(seconds))).toBe(step);
  });

  it("accepts the code of the step before and after now, and nothing further", () => {
    const now = at(1_700_000_000);
    const step = totpStepAt(now);
    for (const offset of [-1, 0, 1]) {
      expect(matchTotpStep(RFC_KEY, totpCodeAt(RFC_KEY, step + offset), now), `offset ${offset}`).toBe(step + offset);
    }
    for (const offset of [-3, -2, 2, 3]) {
      expect(matchTotpStep(RFC_KEY, totpCodeAt(RFC_KEY, step + offset), now), `offset ${offset}`).toBeNull();
    }
  });

  it("refuses a code whose step was already used, and any earlier one", () => {
    const now = at(1_700_000_000);
    const step = totpStepAt(now);
    const code = totpCodeAt(RFC_KEY, step);
    expect(matchTotpStep(RFC_KEY, code, now, step - 1)).toBe(step);
    expect(matchTotpStep(RFC_KEY, code, now, step)).toBeNull();
    expect(matchTotpStep(RFC_KEY, totpCodeAt(RFC_KEY, step - 1), now, step)).toBeNull();
    // The next window's code still works after this one was used.
    expect(matchTotpStep(RFC_KEY, totpCodeAt(RFC_KEY, step + 1), at(1_700_000_000 + TOTP_PERIOD_SECONDS), step)).toBe(
      step + 1,
    );
  });

  it("reads a code typed with a space, and refuses anything that is not six digits", () => {
    const now = at(1_700_000_000);
    const code = totpCodeAt(RFC_KEY, totpStepAt(now));
    expect(matchTotpStep(RFC_KEY, `${code.slice(0, 3)} ${code.slice(3)}`, now)).not.toBeNull();
    for (const typed of ["", "12345", "1234567", "abcdef", `${code}0`])
      expect(matchTotpStep(RFC_KEY, typed, now)).toBeNull();
  });

  it("shows the key for typing by hand and in the otpauth URI apps read from the QR code", () => {
    expect(formatTotpKeyForManualEntry(RFC_KEY)).toBe("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
    const uri = new URL(totpKeyUri("Second Heart Calf Clinic", "maya@clinic.test", RFC_KEY));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
    expect(uri.searchParams.get("digits")).toBe("6");
    expect(uri.searchParams.get("period")).toBe("30");
  });
});

describe("secret box", () => {
  const secret = "an-auth-secret-of-at-least-thirty-two-characters";

  it("opens what it sealed, and never writes the key in the clear", () => {
    const sealed = sealSecret(RFC_KEY, secret);
    expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(Buffer.from(RFC_KEY).toString("base64url"));
    expect(Buffer.from(openSecret(sealed, secret)).equals(Buffer.from(RFC_KEY))).toBe(true);
    // A fresh nonce each time: sealing the same key twice gives two different boxes.
    expect(sealSecret(RFC_KEY, secret)).not.toBe(sealed);
  });

  it("detects any change to the box, and refuses another AUTH_SECRET", () => {
    const sealed = sealSecret(RFC_KEY, secret);
    const [version, nonce, body] = sealed.split(".") as [string, string, string];
    const bytes = Buffer.from(body, "base64url");
    for (const index of [0, bytes.length - 1]) {
      const changed = Buffer.from(bytes);
      changed[index] = (changed[index] ?? 0) ^ 1;
      expect(() => openSecret(`${version}.${nonce}.${changed.toString("base64url")}`, secret)).toThrow(
        SecretBoxOpenError,
      );
    }
    const otherNonce = Buffer.from(nonce, "base64url");
    otherNonce[0] = (otherNonce[0] ?? 0) ^ 1;
    expect(() => openSecret(`${version}.${otherNonce.toString("base64url")}.${body}`, secret)).toThrow(
      SecretBoxOpenError,
    );
    expect(() => openSecret(sealed, `${secret}-rotated`)).toThrow(SecretBoxOpenError);
    expect(() => openSecret("v2.abc.def", secret)).toThrow(SecretBoxOpenError);
    expect(() => openSecret("not a box", secret)).toThrow(SecretBoxOpenError);
  });
});

describe("recovery codes", () => {
  it("makes ten different codes and hashes each the same however it is typed", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJKMNP-Z]{6}(?:-[2-9A-HJKMNP-Z]{6}){3}$/);
    const code = codes[0] as string;
    expect(hashRecoveryCode(code.toLowerCase().replaceAll("-", " "))).toBe(hashRecoveryCode(code));
    expect(hashRecoveryCode(code)).toMatch(/^[0-9a-f]{64}$/);
    expect(normalizeRecoveryCode("123456")).toBeNull();
  });

  // A leaked table must not give the codes up: a search over every code is out of reach only with
  // well over 100 random bits (the first codes had about 50).
  it("carries at least 112 random bits per code, and still accepts a code of the first edition", () => {
    expect(RECOVERY_CODE_BITS).toBeGreaterThanOrEqual(112);
    const distinctCharacters = new Set(generateRecoveryCodes(50).join("").replaceAll("-", ""));
    expect(distinctCharacters.size).toBeGreaterThan(25);
    expect(normalizeRecoveryCode("abcde-fghjk")).toBe("ABCDEFGHJK");
    expect(normalizeRecoveryCode("ABCDE-FGHJK-M")).toBeNull();
  });
});
