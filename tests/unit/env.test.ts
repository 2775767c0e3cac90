import { describe, expect, it } from "vitest";
import { ConfigurationError, parseEnv } from "@/lib/env";

const memory = { PGLITE_DATA_DIR: "memory://" };
const secret = "s".repeat(40);

describe("configuration", () => {
  it("defaults to the embedded database, the clinic's zone and a generated secret", () => {
    const env = parseEnv(memory);
    expect(env.usesEmbeddedDatabase).toBe(true);
    expect(env.CLINIC_TIME_ZONE).toBe("America/New_York");
    expect(env.AUTH_SECRET.length).toBeGreaterThanOrEqual(32);
    expect(env.DATABASE_POOL_SIZE).toBe(10);
  });

  it("accepts a PostgreSQL URL with a secret", () => {
    const env = parseEnv({
      ...memory,
      DATABASE_URL: "postgresql://app:pw@db.internal:5432/clinic",
      AUTH_SECRET: secret,
      DATABASE_POOL_SIZE: "20",
    });
    expect(env.usesEmbeddedDatabase).toBe(false);
    expect(env.DATABASE_POOL_SIZE).toBe(20);
  });

  it.each([
    ["mysql://root@localhost/clinic", "DATABASE_URL"],
    ["not a url", "DATABASE_URL"],
  ])("names DATABASE_URL when it is malformed (%s)", (url, variable) => {
    expect(() => parseEnv({ ...memory, DATABASE_URL: url, AUTH_SECRET: secret })).toThrow(
      new RegExp(`${variable}: must be a postgresql://`),
    );
  });

  it("requires AUTH_SECRET once a real database is configured", () => {
    expect(() => parseEnv({ ...memory, DATABASE_URL: "postgresql://app@db/clinic" })).toThrow(ConfigurationError);
    expect(() => parseEnv({ ...memory, DATABASE_URL: "postgresql://app@db/clinic" })).toThrow(/AUTH_SECRET: required/);
  });

  it("names each bad setting", () => {
    let message = "";
    try {
      parseEnv({ ...memory, AUTH_SECRET: "short", CLINIC_TIME_ZONE: "Mars/Olympus", DATABASE_POOL_SIZE: "0" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/AUTH_SECRET: must be at least 32 characters/);
    expect(message).toMatch(/CLINIC_TIME_ZONE: must be an IANA time zone/);
    expect(message).toMatch(/DATABASE_POOL_SIZE/);
  });
});
