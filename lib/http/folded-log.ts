// A log that writes one line per kind of failure per interval, with a count of the ones it folded,
// so a database that is down for a minute costs a few lines, not a stack trace per request.

export interface FoldedLog {
  /** Logs now, or counts the failure toward the next line of its kind. Returns whether it logged. */
  note(kind: string, detail: string): boolean;
}

export function createFoldedLog({
  intervalMs,
  now = Date.now,
  write = (line: string) => console.error(line),
}: {
  intervalMs: number;
  now?: () => number;
  write?: (line: string) => void;
}): FoldedLog {
  const lastLine = new Map<string, { at: number; folded: number }>();
  return {
    note(kind, detail) {
      const last = lastLine.get(kind);
      const at = now();
      if (last && at - last.at < intervalMs) {
        last.folded++;
        return false;
      }
      const folded = last?.folded ? ` (${last.folded} more since the last line)` : "";
      write(`${kind}: ${detail}${folded}`);
      lastLine.set(kind, { at, folded: 0 });
      return true;
    },
  };
}
