// Creates a client account. A taken email is reported as a field error on the form; the account
// itself is created with the CLIENT role only (staff are made by an admin, never by sign-up).
import { prisma } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { hashPassword } from "./password";
import type { SignUpInput } from "./schemas";

export type RegistrationResult = { ok: true; userId: string } | { ok: false; reason: "email_taken" };

export async function registerClient(input: SignUpInput): Promise<RegistrationResult> {
  const passwordHash = await hashPassword(input.password);
  try {
    const user = await prisma.user.create({
      data: { email: input.email, name: input.name, passwordHash, role: "CLIENT" },
      select: { id: true },
    });
    await prisma.auditLog.create({
      data: { actorId: user.id, action: "user.sign_up", entityType: "User", entityId: user.id },
    });
    return { ok: true, userId: user.id };
  } catch (error) {
    if (isUniqueViolation(error)) return { ok: false, reason: "email_taken" };
    throw error;
  }
}
