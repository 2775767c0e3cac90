// Free text refuses what nobody types on purpose (issue #16 points 8 and 9): control characters
// (a NUL in intake notes was a 500), invisible reordering marks, and, in a name, a web or email
// address, since names are repeated in the clinic's own emails.
import { describe, expect, it } from "vitest";
import { signUpSchema } from "@/lib/auth/schemas";
import { nameSchema } from "@/lib/auth/account-schemas";
import { intakeSchema, allNoIntake } from "@/lib/booking/intake";
import { phoneClientSchema } from "@/lib/clients/phone-client";
import { recordId } from "@/lib/forms/record-id";
import { personName, plainText, withoutHiddenCharacters } from "@/lib/forms/text";
import { firstSearchParam } from "@/lib/http/search-params";
import { emailChangeConfirmMessage, emailVerificationMessage } from "@/lib/notifications/templates/account-messages";

const name = personName({ required: "Enter your name." });

describe("plainText", () => {
  it("refuses control characters, zero-width and bidirectional marks, and keeps ordinary text", () => {
    const line = plainText({ max: 50 });
    for (const bad of [
      "a\u0000b",
      "tab\tinside",
      "line\nbreak",
      "esc\u001b[31m",
      "\u202Eevil",
      "zero\u200Bwidth",
      "bom\uFEFF",
      "soft\u00ADhyphen",
      "arabic\u061Cmark",
      "hangul\u3164filler",
      "tag\u{E0041}",
    ]) {
      expect(line.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
    expect(line.parse("  Crème brûlée, 2 × 30 min  ")).toBe("Crème brûlée, 2 × 30 min");
    expect(line.parse("日本語のテキスト")).toBe("日本語のテキスト");
  });

  it("lets multi-line text keep its line breaks and tabs, still without NUL", () => {
    const notes = plainText({ max: 100, multiline: true });
    expect(notes.parse("first\nsecond\r\n\tthird")).toBe("first\nsecond\r\n\tthird");
    expect(notes.safeParse("x\u0000").success).toBe(false);
  });

  it("says how long is too long", () => {
    const result = plainText({ max: 1000 }).safeParse("x".repeat(1001));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Use at most 1,000 characters.");
  });

  it("takes hidden characters out of a search", () => {
    expect(withoutHiddenCharacters("al\u0000ex\u200B")).toBe("alex");
    expect(withoutHiddenCharacters("al\uD800ex")).toBe("al\uFFFDex");
  });

  it('refuses half of a surrogate pair (a JSON body\'s "\\ud800"), and keeps whole ones such as emoji', () => {
    const notes = plainText({ max: 100, multiline: true });
    expect(notes.safeParse("calf \uD800 pain").success).toBe(false);
    expect(notes.safeParse("calf \uDC00").success).toBe(false);
    expect(notes.parse("calf 💪 better")).toBe("calf 💪 better");
  });
});

describe("firstSearchParam", () => {
  it("is the first value, cut to length, and not given when it carries a control or hidden character", () => {
    expect(firstSearchParam("therapist-1", 64)).toBe("therapist-1");
    expect(firstSearchParam(["a", "b"], 64)).toBe("a");
    expect(firstSearchParam("x".repeat(100), 10)).toBe("x".repeat(10));
    expect(firstSearchParam(undefined, 10)).toBeUndefined();
    for (const hostile of ["\u0000", "a\u0000b", "\u202Eabc", "ab\u200Bc", "a\uD800"]) {
      expect(firstSearchParam(hostile, 64), JSON.stringify(hostile)).toBeUndefined();
    }
  });
});

describe("recordId", () => {
  it("takes an id's shape (letters, digits, _ and -) and nothing else", () => {
    expect(recordId().parse(" cmabc123_x-y ")).toBe("cmabc123_x-y");
    for (const hostile of ["", "\u0000", "abc\u0000", "' OR 1=1 --", "<b>", "x".repeat(65), "a/b"]) {
      expect(recordId().safeParse(hostile).success, JSON.stringify(hostile)).toBe(false);
    }
  });
});

describe("personName", () => {
  it("refuses a web or email address, and names that only look alike pass", () => {
    for (const bad of [
      "Your card was declined. Re-enter it at https://pay.example",
      "visit www.cheap-pills.net",
      "bad-site.com",
      "me@example.org",
      "ftp://host/file",
      // Any top-level domain and a bare address (review finding: a fixed list missed these).
      "pay-clinic.page",
      "secure.help/login",
      "203.0.113.9/pay",
    ]) {
      expect(name.safeParse(bad).success, bad).toBe(false);
    }
    for (const good of ["J. R. Smith", "J.R. Smith", "St. John", "Anne-Marie O'Neill", "María José", "Dr. Li"]) {
      expect(name.parse(good)).toBe(good);
    }
    expect(name.safeParse("   ").error?.issues[0]?.message).toBe("Enter your name.");
  });

  it("is the rule of sign-up, the profile, phone bookings and the intake notes", () => {
    const link = "Your card was declined. Re-enter it at https://evil.example";
    expect(
      signUpSchema.safeParse({ name: link, email: "a@b.co", password: "kettle-orchard-violet-sparrow" }).success,
    ).toBe(false);
    expect(nameSchema.safeParse(link).success).toBe(false);
    expect(phoneClientSchema.safeParse({ name: link, email: "a@b.co", phone: "555 010 0199" }).success).toBe(false);
    expect(intakeSchema.safeParse(allNoIntake({ notes: "sore\u0000" })).success).toBe(false);
  });
});

describe("mail to an address not yet confirmed", () => {
  it("does not repeat the name it was given", async () => {
    const planted = "Your card was declined";
    const verification = await emailVerificationMessage({
      name: planted,
      link: "https://clinic.example/verify-email/t",
    });
    const change = await emailChangeConfirmMessage({
      name: planted,
      link: "https://clinic.example/confirm-email/t",
      newEmail: "new@example.com",
    });
    for (const message of [verification, change]) {
      expect(message.text).not.toContain(planted);
      expect(message.html).not.toContain(planted);
    }
  });
});

describe("a new password", () => {
  it("takes any script and symbol, but no hidden or control character", () => {
    const password = (value: string) => signUpSchema.shape.password.safeParse(value);
    expect(password("Ünïcödé-lantern 7 §").success).toBe(true);
    expect(password("lantern\u202Eharbour-meadow").error?.issues[0]?.message).toMatch(/hidden or control/);
    expect(password("lantern\u0000harbour-meadow").success).toBe(false);
    expect(password("lantern\u200Bharbour-meadow").success).toBe(false);
  });
});
