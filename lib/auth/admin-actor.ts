// Catalogue and hours changes are the clinic's decisions: admins only. The Server Actions are
// guarded by their staff-routes entries; the domain checks again, so no other caller can skip it.
import { NotFound } from "@/lib/errors/domain-errors";
import type { Role } from "@/lib/generated/prisma/enums";

export interface AdminActor {
  id: string;
  role: Role;
}

/** Anyone but an admin gets the same answer as for a page that does not exist. */
export function assertAdmin(actor: AdminActor): void {
  if (actor.role !== "ADMIN") throw new NotFound("We couldn't find that page.");
}
