import { beforeEach, describe, expect, it } from "vitest";
import { cachedAvailability, invalidateAvailability } from "@/lib/availability/availability-cache";
import type { Availability } from "@/lib/availability/get-availability";

const answer = (label: string): Availability => ({
  timeZone: "America/New_York",
  slots: [{ start: label, end: label, therapistId: "t", therapistName: "T" }],
});

describe("availability cache", () => {
  beforeEach(() => invalidateAvailability());

  it("answers from memory within the TTL, and reads again after it", async () => {
    let reads = 0;
    const read = async () => answer(`read ${++reads}`);
    expect((await cachedAvailability("k", 2, read, 1_000)).slots[0]?.start).toBe("read 1");
    expect((await cachedAvailability("k", 2, read, 2_999)).slots[0]?.start).toBe("read 1");
    expect((await cachedAvailability("k", 2, read, 3_000)).slots[0]?.start).toBe("read 2");
  });

  it("forgets everything when this instance changes a booking", async () => {
    let reads = 0;
    const read = async () => answer(`read ${++reads}`);
    await cachedAvailability("k", 30, read, 0);
    invalidateAvailability();
    expect((await cachedAvailability("k", 30, read, 1)).slots[0]?.start).toBe("read 2");
  });

  it("does not remember a failed read", async () => {
    await expect(cachedAvailability("k", 30, () => Promise.reject(new Error("db down")), 0)).rejects.toThrow("db down");
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect((await cachedAvailability("k", 30, async () => answer("ok"), 1)).slots[0]?.start).toBe("ok");
  });

  it("reads every time with a TTL of zero", async () => {
    let reads = 0;
    const read = async () => answer(`read ${++reads}`);
    await cachedAvailability("k", 0, read);
    await cachedAvailability("k", 0, read);
    expect(reads).toBe(2);
  });
});
