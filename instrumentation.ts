// Runs once when a server process starts, before it serves a request. The Node.js-only work
// (configuration check, embedded database) lives in lib/startup.ts so the Edge build never sees it.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/startup");
    await startServer();
  }
}
