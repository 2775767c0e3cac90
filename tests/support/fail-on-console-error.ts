// A test that writes console.error fails, unless it expected the message: it replaced
// console.error itself (vi.spyOn(console, "error").mockImplementation(...)) and asserted on it.
// An error logged and swallowed is a bug the assertions did not see.
import { afterEach, beforeEach } from "vitest";

const original = console.error;
let unexpected: string[] = [];

beforeEach(() => {
  unexpected = [];
  console.error = (...args: unknown[]) => {
    unexpected.push(args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" "));
    original(...args);
  };
});

afterEach(() => {
  console.error = original;
  if (unexpected.length > 0) {
    const first = unexpected[0]?.slice(0, 300);
    throw new Error(`console.error was called ${unexpected.length} time(s) without the test expecting it: ${first}`);
  }
});
