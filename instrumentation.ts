// Runs once when a server process starts, before it serves a request: check the configuration
// (a bad setting stops start-up with a message naming it) and prepare the embedded database.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getEnv, ConfigurationError } = await import("@/lib/env");
  try {
    getEnv();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const { prepareEmbeddedDatabase } = await import("@/lib/db/prepare");
  await prepareEmbeddedDatabase();
}
