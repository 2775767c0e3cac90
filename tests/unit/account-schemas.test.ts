// The profile and security forms' rules, as a table: what a client may type as a phone number, and
// that a new password follows the sign-up policy and differs from the current one.
import { describe, expect, it } from "vitest";
import { passwordChangeSchema, profileSchema } from "@/lib/auth/account-schemas";
import { emailVerificationMessage, passwordResetMessage } from "@/lib/notifications/templates/account-messages";

describe("profile form", () => {
  it.each([
    ["(718) 555-0142", "(718) 555-0142"],
    ["+1 718 555 0142", "+1 718 555 0142"],
    ["  718.555.0142 ", "718.555.0142"],
    ["", null],
  ])("accepts the phone %j as %j", (phone, saved) => {
    expect(profileSchema.parse({ name: "Ada", phone })).toEqual({ name: "Ada", phone: saved });
  });

  it.each([
    ["call me", /Use digits/],
    ["555-01", /7 to 15 digits/],
    ["+1 (718) 555-0142 ext 12345678", /Use digits/],
    ["1234567890123456", /7 to 15 digits/],
  ])("refuses the phone %j with a message saying why", (phone, message) => {
    const result = profileSchema.safeParse({ name: "Ada", phone });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message).join(" ")).toMatch(message);
  });

  it("needs a name", () => {
    const result = profileSchema.safeParse({ name: "  ", phone: "" });
    expect(result.error?.issues[0]?.message).toBe("Enter your name.");
  });
});

describe("password change form", () => {
  it("applies the sign-up policy to the new password", () => {
    const result = passwordChangeSchema.safeParse({ currentPassword: "old-password-here", newPassword: "password123" });
    expect(result.error?.issues[0]).toMatchObject({
      path: ["newPassword"],
      message: expect.stringMatching(/too common/),
    });
  });

  it("refuses the current password as the new one", () => {
    const same = "harbour-lantern-meadow";
    const result = passwordChangeSchema.safeParse({ currentPassword: same, newPassword: same });
    expect(result.error?.issues[0]).toMatchObject({ path: ["newPassword"] });
  });
});

describe("account messages", () => {
  it("put the link in both parts and escape the name in the HTML", async () => {
    const link = "https://clinic.example/reset-password/abc_DEF-123";
    const message = await passwordResetMessage({ name: "<Ann & Bo>", link });
    expect(message.text).toContain(link);
    expect(message.html).toContain(`href="${link}"`);
    expect(message.html).toContain("Hello &lt;Ann &amp; Bo&gt;,");
    expect(message.html).not.toContain("<Ann");
    expect((await emailVerificationMessage({ name: null, link })).text).toMatch(/^Hello,$/m);
  });
});
