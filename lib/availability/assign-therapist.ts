// Who gets an "any therapist" booking: whoever has the fewest bookings that clinic day, and among
// equals a rotation that changes from day to day, so nobody is always first in line or always last.
// Pure and deterministic: the same inputs name the same therapist, so the time a client picks is
// given to the therapist the page showed.

export interface AssignmentKey {
  therapistId: string;
  bookingsThatDay: number;
  rotation: number;
}

/** A stable pseudo-random position for a therapist on a date (FNV-1a over "date|id"). */
export function rotationRank(date: string, therapistId: string): number {
  let hash = 0x811c9dc5;
  const text = `${date}|${therapistId}`;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function assignmentKey(date: string, therapistId: string, bookingsThatDay: number): AssignmentKey {
  return { therapistId, bookingsThatDay, rotation: rotationRank(date, therapistId) };
}

/** Negative when `a` should be chosen before `b`. The id breaks the (unlikely) tie of equal hashes. */
export function compareAssignment(a: AssignmentKey, b: AssignmentKey): number {
  if (a.bookingsThatDay !== b.bookingsThatDay) return a.bookingsThatDay - b.bookingsThatDay;
  if (a.rotation !== b.rotation) return a.rotation - b.rotation;
  return a.therapistId < b.therapistId ? -1 : a.therapistId > b.therapistId ? 1 : 0;
}

/** The therapist to assign among those free at one time on `date`; undefined when none is. */
export function pickTherapist<Candidate extends { therapistId: string; bookingsThatDay: number }>(
  date: string,
  candidates: readonly Candidate[],
): Candidate | undefined {
  let best: { candidate: Candidate; key: AssignmentKey } | undefined;
  for (const candidate of candidates) {
    const key = assignmentKey(date, candidate.therapistId, candidate.bookingsThatDay);
    if (!best || compareAssignment(key, best.key) < 0) best = { candidate, key };
  }
  return best?.candidate;
}
