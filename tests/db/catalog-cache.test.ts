// What the site shows of the catalogue follows the database through Next's data cache: a new price
// or a retired service appears once invalidateCatalog() runs, and not before (the read is cached).
// Next's own IncrementalCache and end-of-request revalidation stand in for a running server.
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { WorkStore } from "next/dist/server/app-render/work-async-storage.external";
import type { IncrementalCache } from "next/dist/server/lib/incremental-cache";
import { prisma } from "@/lib/db";
import { ENGINE } from "../support/db-setup";
import { createService } from "../support/factories";

// Next's server sets this global before loading its request-scoped stores; so do we, before
// importing anything that loads next/cache.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage = AsyncLocalStorage;
const { workAsyncStorage } = await import("next/dist/server/app-render/work-async-storage.external");
const { IncrementalCache: NextIncrementalCache } = await import("next/dist/server/lib/incremental-cache");
const { nodeFs } = await import("next/dist/server/lib/node-fs-methods");
const { executeRevalidates } = await import("next/dist/server/revalidation-utils");
const { tagsManifest } = await import("next/dist/server/lib/incremental-cache/tags-manifest.external");
const { CATALOG_REVALIDATE_SECONDS, CATALOG_TAG } = await import("@/lib/catalog/cache");
const { invalidateCatalog } = await import("@/lib/catalog/invalidate-catalog");
const { findActiveService, getActiveService, listActiveServices } = await import("@/lib/catalog/services");

const globalForNext = globalThis as typeof globalThis & { __incrementalCache?: IncrementalCache };

function createDataCache(): IncrementalCache {
  return new NextIncrementalCache({
    fs: nodeFs,
    dev: false,
    flushToDisk: false,
    serverDistDir: mkdtempSync(path.join(tmpdir(), "catalog-cache-")),
    requestHeaders: {},
    maxMemoryCacheSize: 10 * 1024 * 1024,
    minimalMode: false,
    fetchCacheKeyPrefix: "",
    previewProps: { previewModeId: "test", previewModeEncryptionKey: "test", previewModeSigningKey: "test" },
    prerenderManifest: {
      version: 4,
      routes: {},
      dynamicRoutes: {},
      notFoundRoutes: [],
      preview: { previewModeId: "test", previewModeEncryptionKey: "test", previewModeSigningKey: "test" },
    } as unknown as ConstructorParameters<typeof IncrementalCache>[0]["prerenderManifest"],
  });
}

// As a Server Action that changed the catalogue: invalidateCatalog() inside the request, and the
// tags it revalidated applied when the request ends, as Next.js does.
async function inServerAction(cache: IncrementalCache, action: () => void): Promise<void> {
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

// Cache entries and tag invalidations are stamped in milliseconds: let the clock move on.
const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe(`catalogue cache (${ENGINE})`, () => {
  let cache: IncrementalCache;
  beforeAll(() => {
    cache = createDataCache();
    globalForNext.__incrementalCache = cache;
  });
  afterAll(() => {
    delete globalForNext.__incrementalCache;
  });

  // A service added as the staff screens will add one: the write, then the invalidation.
  async function addService() {
    const service = await createService();
    await tick();
    await inServerAction(cache, invalidateCatalog);
    return service;
  }

  it("shows a price changed in the database once the catalogue is invalidated, not before", async () => {
    const service = await addService();
    expect((await findActiveService(service.slug))?.priceCents).toBe(9500);
    expect((await getActiveService(service.slug))?.priceCents).toBe(9500);

    await prisma.service.update({ where: { id: service.id }, data: { priceCents: 12_000, name: "Renamed Massage" } });
    expect((await findActiveService(service.slug))?.priceCents).toBe(9500);
    expect((await getActiveService(service.slug))?.name).toBe("Test Calf Massage");

    await tick();
    await inServerAction(cache, invalidateCatalog);
    expect(await findActiveService(service.slug)).toMatchObject({ priceCents: 12_000, name: "Renamed Massage" });
    expect(await getActiveService(service.slug)).toMatchObject({ priceCents: 12_000, name: "Renamed Massage" });
  });

  it("drops a retired service from every read once the catalogue is invalidated", async () => {
    const service = await addService();
    expect((await listActiveServices()).map((s) => s.slug)).toContain(service.slug);
    expect(await getActiveService(service.slug)).not.toBeNull();

    await prisma.service.update({ where: { id: service.id }, data: { active: false } });
    expect((await listActiveServices()).map((s) => s.slug)).toContain(service.slug);

    await tick();
    await inServerAction(cache, invalidateCatalog);
    expect((await listActiveServices()).map((s) => s.slug)).not.toContain(service.slug);
    expect(await findActiveService(service.slug)).toBeNull();
    expect(await getActiveService(service.slug)).toBeNull();
  });

  it("expires the tag at once rather than serving the old catalogue while refreshing", async () => {
    await inServerAction(cache, invalidateCatalog);
    // Immediate expiry, not the stale-while-revalidate "max" profile: the next read waits for the database.
    const entry = tagsManifest.get(CATALOG_TAG);
    expect(entry?.expired).toBeDefined();
    expect(entry?.expired).toBeLessThanOrEqual(Date.now());
  });

  it("lets a change made elsewhere show within two minutes, on every page that shows the catalogue", () => {
    expect(CATALOG_REVALIDATE_SECONDS).toBeLessThanOrEqual(120);
    const pages = [
      "app/(site)/page.tsx",
      "app/(site)/services/page.tsx",
      "app/(site)/services/[slug]/page.tsx",
      "app/(site)/learn/[slug]/page.tsx",
    ];
    for (const page of pages) {
      const source = readFileSync(path.join(process.cwd(), page), "utf8");
      expect(source, page).toMatch(/^export const revalidate = (\d+);$/m);
      expect(Number(/^export const revalidate = (\d+);$/m.exec(source)?.[1]), page).toBe(CATALOG_REVALIDATE_SECONDS);
    }
  });
});
