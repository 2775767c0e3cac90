// Where the end-to-end tests find Chromium: Debian's package, or CHROMIUM_PATH. Playwright's own
// browser download cannot work on a machine without internet access.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
