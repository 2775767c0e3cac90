// The catalogue cache: every read of services the site shows goes through Next's data cache under
// one tag, so one call to invalidateCatalog() refreshes every page that shows a service.
import { unstable_cache } from "next/cache";
import { PHASE_PRODUCTION_BUILD } from "next/constants";

export const CATALOG_TAG = "catalog";

// How long a change made outside this instance (another instance, a direct SQL update, the seed
// script) may take to show. The issue allows two minutes; pages exporting `revalidate` repeat it.
export const CATALOG_REVALIDATE_SECONDS = 60;

/** True while `next build` prerenders pages (in several worker processes at once). */
export function isBuildPrerender(): boolean {
  return process.env.NEXT_PHASE === PHASE_PRODUCTION_BUILD;
}

/**
 * A catalogue read through the data cache. During `next build` it answers `duringBuild` without a
 * query: the build runs in several processes, may run while `next dev` holds the embedded database
 * (one process at a time, see lib/db/pglite.ts), and on a fresh clone there is no database at all.
 * Pages built that way expire before their first request (`expireTime` in next.config.mjs) and are
 * rendered from the database then.
 */
export function cacheCatalogRead<Args extends unknown[], Result>(
  name: string,
  read: (...args: Args) => Promise<Result>,
  duringBuild: Result,
): (...args: Args) => Promise<Result> {
  const cached = unstable_cache(read, ["catalog", name], {
    tags: [CATALOG_TAG],
    revalidate: CATALOG_REVALIDATE_SECONDS,
  });
  return async (...args) => (isBuildPrerender() ? duringBuild : cached(...args));
}
