// "Any therapist": who gets the client when several are free at the chosen time.
import { describe, expect, it } from "vitest";
import { pickTherapist, rotationRank } from "@/lib/availability/assign-therapist";
import { addDays } from "@/lib/time/clinic-time";

const team = (counts: Record<string, number>) =>
  Object.entries(counts).map(([therapistId, bookingsThatDay]) => ({ therapistId, bookingsThatDay }));

describe("pickTherapist", () => {
  it("gives the client to whoever has the fewest bookings that day", () => {
    expect(pickTherapist("2026-12-01", team({ ana: 3, ben: 1, cal: 2 }))?.therapistId).toBe("ben");
    expect(pickTherapist("2026-12-01", team({ ana: 0, ben: 4 }))?.therapistId).toBe("ana");
  });

  it("breaks a tie by the day's rotation, whatever order the therapists come in", () => {
    const date = "2026-12-01";
    const tied = team({ ana: 1, ben: 1, cal: 1 });
    const expected = [...tied].sort((a, b) => rotationRank(date, a.therapistId) - rotationRank(date, b.therapistId))[0];
    expect(pickTherapist(date, tied)).toEqual(expected);
    expect(pickTherapist(date, [...tied].reverse())).toEqual(expected);
  });

  it("rotates fairly: over a year of tied days each of three therapists comes first about a third of the time", () => {
    const firsts = new Map<string, number>();
    for (let day = 0; day < 365; day++) {
      const chosen = pickTherapist(addDays("2026-01-01", day), team({ ana: 0, ben: 0, cal: 0 }))!.therapistId;
      firsts.set(chosen, (firsts.get(chosen) ?? 0) + 1);
    }
    for (const id of ["ana", "ben", "cal"]) {
      expect(firsts.get(id)).toBeGreaterThan(85);
      expect(firsts.get(id)).toBeLessThan(160);
    }
  });

  it("is the same on every call for the same day, and names nobody when nobody is free", () => {
    expect(rotationRank("2026-12-01", "ana")).toBe(rotationRank("2026-12-01", "ana"));
    expect(rotationRank("2026-12-01", "ana")).not.toBe(rotationRank("2026-12-02", "ana"));
    expect(pickTherapist("2026-12-01", [])).toBeUndefined();
  });
});
