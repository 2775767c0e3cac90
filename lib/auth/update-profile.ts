// Saves the account's name and phone number, with an audit entry naming which of them changed
// (not their values: the log is read by staff and shown to the client).
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import type { ProfileInput } from "./account-schemas";

export interface Profile {
  name: string | null;
  phone: string | null;
  email: string;
  emailVerified: boolean;
}

export async function getProfile(userId: string): Promise<Profile> {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, phone: true, email: true, emailVerified: true },
  });
  return { ...user, emailVerified: user.emailVerified !== null };
}

export async function updateProfile(userId: string, input: ProfileInput): Promise<{ changed: string[] }> {
  return runTransaction(prisma, async (tx) => {
    const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, phone: true } });
    const changed = (["name", "phone"] as const).filter((key) => before[key] !== input[key]);
    if (changed.length === 0) return { changed };
    await tx.user.update({ where: { id: userId }, data: { name: input.name, phone: input.phone } });
    await recordAudit(tx, {
      actorId: userId,
      action: "user.profile_updated",
      entityType: "User",
      entityId: userId,
      data: { fields: changed },
    });
    return { changed };
  });
}
