// Runs before the end-to-end tests: without Chromium every spec would fail one by one, so stop at
// once with one line that says how to get it.
import { accessSync, constants } from "node:fs";
import { CHROMIUM_PATH } from "../e2e/chromium";

try {
  accessSync(CHROMIUM_PATH, constants.X_OK);
} catch {
  console.error(
    `Chromium is needed for the end-to-end tests and was not found at ${CHROMIUM_PATH}: install it with \`apt-get install chromium\`, or set CHROMIUM_PATH to its executable.`,
  );
  process.exit(1);
}
