// Server-side session records. The session cookie is a signed JWT that carries the id of a row in
// the Session table; a session is valid only while that row exists and has not expired, so signing
// out (or revoking every session of a user) takes effect at once, on every instance.
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

// Expired rows are removed now and then at sign-in, so the table does not grow without bound.
const PRUNE_PROBABILITY = 0.05;

export async function createSessionRecord(userId: string, maxAgeSeconds: number): Promise<string> {
  if (Math.random() < PRUNE_PROBABILITY) await pruneExpiredSessions();
  const sessionToken = randomBytes(32).toString("base64url");
  await prisma.session.create({ data: { sessionToken, userId, expires: new Date(Date.now() + maxAgeSeconds * 1000) } });
  return sessionToken;
}

export async function findSessionUser(sessionToken: string): Promise<SessionUser | null> {
  const session = await prisma.session.findUnique({
    where: { sessionToken },
    select: { expires: true, user: { select: { id: true, email: true, name: true, role: true } } },
  });
  if (!session || session.expires.getTime() <= Date.now()) return null;
  return session.user;
}

export async function revokeSession(sessionToken: string): Promise<void> {
  await prisma.session.deleteMany({ where: { sessionToken } });
}

/** Signs a user out everywhere: for a password change, a role change, or a lost device. */
export async function revokeAllSessions(userId: string): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { userId } });
  return count;
}

export async function pruneExpiredSessions(): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expires: { lt: new Date() } } });
  return count;
}
