// Who is making a change: the one actor type every domain function takes, so the role, not a second
// copy of the logic, decides what each caller may do. Catalogue and hours changes are admins' alone:
// their Server Actions are guarded by staff-routes, and the domain checks again with assertAdmin.
import { NotFound } from "@/lib/errors/domain-errors";
import type { Role } from "@/lib/generated/prisma/enums";

export interface Actor {
  id: string;
  role: Role;
}

/** Anyone but an admin gets the same answer as for a page that does not exist. */
export function assertAdmin(actor: Actor): void {
  if (actor.role !== "ADMIN") throw new NotFound("We couldn't find that page.");
}
