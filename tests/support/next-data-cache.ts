// Next's data cache outside a running server, for tests of pages' catalogue reads: its own
// IncrementalCache stands in for the server's, and a Server Action's revalidateTag calls are applied
// when the "request" ends, as Next.js does. Import this module before anything that loads next/cache.
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { WorkStore } from "next/dist/server/app-render/work-async-storage.external";
import type { IncrementalCache } from "next/dist/server/lib/incremental-cache";

// Next's server sets this global before loading its request-scoped stores; so do we.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage = AsyncLocalStorage;
const { workAsyncStorage } = await import("next/dist/server/app-render/work-async-storage.external");
const { IncrementalCache: NextIncrementalCache } = await import("next/dist/server/lib/incremental-cache");
const { nodeFs } = await import("next/dist/server/lib/node-fs-methods");
const { executeRevalidates } = await import("next/dist/server/revalidation-utils");

const globalForNext = globalThis as typeof globalThis & { __incrementalCache?: IncrementalCache };
const previewProps = { previewModeId: "test", previewModeEncryptionKey: "test", previewModeSigningKey: "test" };

/** A fresh in-memory data cache, installed as the process's own until the returned function runs. */
export function installDataCache(): { cache: IncrementalCache; uninstall: () => void } {
  const cache = new NextIncrementalCache({
    fs: nodeFs,
    dev: false,
    flushToDisk: false,
    serverDistDir: mkdtempSync(path.join(tmpdir(), "next-data-cache-")),
    requestHeaders: {},
    maxMemoryCacheSize: 10 * 1024 * 1024,
    minimalMode: false,
    fetchCacheKeyPrefix: "",
    previewProps,
    prerenderManifest: {
      version: 4,
      routes: {},
      dynamicRoutes: {},
      notFoundRoutes: [],
      preview: previewProps,
    } as unknown as ConstructorParameters<typeof IncrementalCache>[0]["prerenderManifest"],
  });
  globalForNext.__incrementalCache = cache;
  return { cache, uninstall: () => delete globalForNext.__incrementalCache };
}

/** Runs `action` as a Server Action would (revalidateTag inside the request), then applies its tags. */
export async function inServerAction(cache: IncrementalCache, action: () => void): Promise<void> {
  const store = {
    route: "/staff/services",
    page: "/staff/services/page",
    incrementalCache: cache,
    cacheLifeProfiles: {},
    pendingRevalidatedTags: [],
  } as unknown as WorkStore;
  workAsyncStorage.run(store, action);
  await executeRevalidates(store);
}

/** Cache entries and tag invalidations are stamped in milliseconds: let the clock move on. */
export const tick = () => new Promise((resolve) => setTimeout(resolve, 5));
