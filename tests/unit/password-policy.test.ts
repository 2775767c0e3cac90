import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { isCommonPassword } from "@/lib/auth/password-policy";
import { signInSchema, signUpSchema } from "@/lib/auth/schemas";

const base = { name: "Ada Lovelace", email: "Ada@Example.TEST " };

function passwordErrors(password: string): string[] {
  const result = signUpSchema.safeParse({ ...base, password });
  return result.success ? [] : result.error.issues.filter((i) => i.path[0] === "password").map((i) => i.message);
}

describe("password policy", () => {
  it.each([
    ["short", "nine-char", /at least 10/],
    ["too long", "x".repeat(129) + "y", /at most 128/],
    ["common", "password123", /too common/],
    ["common sequence", "1234567890", /too common/],
    ["one repeated character", "aaaaaaaaaaaa", /too common/],
    ["keyboard run", "qwertyuiop", /too common/],
  ])("rejects a %s password", (_label, password, message) => {
    expect(passwordErrors(password).join(" ")).toMatch(message);
  });

  it.each(["lantern-ferry-orchard", "calf-demo-2026", "x".repeat(127) + "!"])("accepts %s", (password) => {
    expect(passwordErrors(password)).toEqual([]);
  });

  it("normalises the email and trims the name", () => {
    const parsed = signUpSchema.parse({
      name: "  Ada  ",
      email: "  Ada@Example.TEST ",
      password: "lantern-ferry-orchard",
    });
    expect(parsed).toMatchObject({ name: "Ada", email: "ada@example.test" });
  });

  it("gives clear messages for an empty form", () => {
    const result = signUpSchema.safeParse({ name: "", email: "nope", password: "" });
    expect(result.success).toBe(false);
    const messages = result.error?.issues.map((i) => `${String(i.path[0])}: ${i.message}`) ?? [];
    expect(messages).toEqual(
      expect.arrayContaining([
        "name: Enter your name.",
        expect.stringMatching(/^email: Enter a valid email/),
        expect.stringMatching(/^password:/),
      ]),
    );
  });

  it("shows one message at a time, starting with an empty password", () => {
    expect(passwordErrors("")).toEqual(["Choose a password."]);
    expect(passwordErrors("short")).toEqual(["Use at least 10 characters."]);
  });

  it("does not apply the policy when signing in", () => {
    expect(signInSchema.safeParse({ email: "a@b.test", password: "short" }).success).toBe(true);
  });

  it("knows common passwords regardless of case", () => {
    expect(isCommonPassword("Password123")).toBe(true);
    expect(isCommonPassword("river-copper-sunrise")).toBe(false);
  });
});

describe("argon2id hashing", () => {
  it("hashes with OWASP parameters and verifies only the right password", async () => {
    const hash = await hashPassword("lantern-ferry-orchard");
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hash, "lantern-ferry-orchard")).toBe(true);
    expect(await verifyPassword(hash, "lantern-ferry-orchard ")).toBe(false);
    expect(await verifyPassword("not a hash", "anything")).toBe(false);
  });
});
