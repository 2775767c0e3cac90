// Server start-up: check the configuration (a bad setting stops the process with a message naming
// it, never a stack trace) and prepare the embedded database.
import { ConfigurationError, getEnv } from "@/lib/env";
import { prepareEmbeddedDatabase } from "@/lib/db/prepare";

export async function startServer(): Promise<void> {
  try {
    getEnv();
  } catch (error) {
    if (error instanceof ConfigurationError) {
      console.error(`\n${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  await prepareEmbeddedDatabase();
}
