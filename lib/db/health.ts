import { prisma } from "./index";

const TIMEOUT_MS = 3_000;

/**
 * One trivial query with a time limit: "ok", or "unreachable" (never the driver's message). A
 * failure is handed to `onFailure` (the route logs it, folded), not logged here per request.
 */
export async function checkDatabase(onFailure?: (error: unknown) => void): Promise<"ok" | "unreachable"> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database health check timed out")), TIMEOUT_MS);
      }),
    ]);
    return "ok";
  } catch (error) {
    onFailure?.(error);
    return "unreachable";
  } finally {
    clearTimeout(timer);
  }
}
