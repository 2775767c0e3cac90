// After a change to services or therapists made through the app: the next request on this instance
// reads the database again, and every cached page that shows a service is rendered anew.
import { revalidateTag } from "next/cache";
import { CATALOG_TAG } from "./cache";

/**
 * Call from the Server Action or route handler that changed the catalogue. `expire: 0` rather than
 * the stale-while-revalidate "max" profile: the admin who changed a price must see the new one on
 * their next page view. Other instances catch up within CATALOG_REVALIDATE_SECONDS.
 */
export function invalidateCatalog(): void {
  revalidateTag(CATALOG_TAG, { expire: 0 });
}
