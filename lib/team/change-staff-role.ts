// An admin makes a therapist an admin, or an admin a therapist. Never their own account, and never
// the clinic's last active admin. Serializable, so two admins demoting each other at the same moment
// cannot both succeed and leave nobody to manage the clinic (one is retried and then refused). The
// account keeps its sessions: the guards read the role on every request, so the change applies at once.
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { enqueueEmail } from "@/lib/notifications/enqueue-email";
import { staffRoleChangedMessage } from "@/lib/notifications/templates/staff-messages";
import { assertActiveAdmin, assertAnotherActiveAdmin, findStaffMemberOrThrow, refuseSelf } from "./staff-admin";
import type { Actor } from "@/lib/auth/actor";

export type StaffRole = "THERAPIST" | "ADMIN";

/** Returns false when the account already had that role (nothing changed). */
export async function changeStaffRole(
  actor: Actor,
  userId: string,
  role: StaffRole,
  now = new Date(),
): Promise<boolean> {
  return runTransaction(
    prisma,
    async (tx) => {
      await assertActiveAdmin(tx, actor);
      refuseSelf(actor, userId, "change the role of");
      const member = await findStaffMemberOrThrow(tx, userId);
      if (member.role === role) return false;
      if (member.role === "ADMIN" && !member.disabledAt) await assertAnotherActiveAdmin(tx, userId);
      await tx.user.update({ where: { id: userId }, data: { role } });
      // A therapist needs a profile for a schedule; an admin made therapist gets one, without hours yet.
      if (role === "THERAPIST" && !member.therapist) {
        const name = member.name ?? member.email;
        await tx.therapist.create({
          data: {
            userId,
            slug: `therapist-${randomBytes(4).toString("hex")}`,
            displayName: name,
            title: "Therapist",
            bio: "",
            specialties: [],
            active: !member.disabledAt,
          },
        });
      }
      await recordAudit(tx, {
        actorId: actor.id,
        action: "staff.role_changed",
        entityType: "User",
        entityId: userId,
        data: { from: member.role, to: role },
      });
      await enqueueEmail(tx, {
        toAddress: member.email,
        ...(await staffRoleChangedMessage({ name: member.name, role })),
        template: "staff-role-changed",
        userId,
        dedupeKey: `staff-role-changed:${userId}:${now.getTime()}`,
      });
      return true;
    },
    { isolationLevel: "Serializable" },
  );
}
