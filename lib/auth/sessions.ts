// Server-side session records. The session cookie is a signed JWT that carries the id of a row in
// the Session table; a session is valid only while that row exists and is neither idle nor past its
// absolute limit (lib/auth/session-policy.ts), so signing out (or revoking every session of a user)
// takes effect at once, on every instance.
import { randomBytes } from "node:crypto";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import type { Role } from "@/lib/generated/prisma/enums";
import {
  CLIENT_SESSION_LIMITS,
  judgeSession,
  SESSION_TOUCH_INTERVAL_SECONDS,
  sessionLimitsFor,
  STAFF_SESSION_LIMITS,
} from "./session-policy";

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

// Ended rows are removed now and then at sign-in, so the table does not grow without bound.
const PRUNE_PROBABILITY = 0.05;

/** Opens a session for a user who just proved who they are; its absolute limit follows their role. */
export async function createSessionRecord(userId: string): Promise<string> {
  if (Math.random() < PRUNE_PROBABILITY) await pruneExpiredSessions();
  const { role } = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { role: true } });
  const now = Date.now();
  const sessionToken = randomBytes(32).toString("base64url");
  await prisma.session.create({
    data: {
      sessionToken,
      userId,
      lastSeenAt: new Date(now),
      expires: new Date(now + sessionLimitsFor(role).absoluteSeconds * 1000),
    },
  });
  return sessionToken;
}

/** The user of a live session, or null. Marks the session as used, at most every few minutes. */
export async function findSessionUser(sessionToken: string): Promise<SessionUser | null> {
  // One statement on every signed-in request (Prisma would read the user in a second one).
  const [row] = await prisma.$queryRaw<
    {
      createdAt: Date;
      lastSeenAt: Date;
      expires: Date;
      id: string;
      email: string;
      name: string | null;
      role: Role;
      disabledAt: Date | null;
    }[]
  >`
    SELECT s."createdAt", s."lastSeenAt", s."expires",
      u."id", u."email", u."name", u."role"::text AS "role", u."disabledAt"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."sessionToken" = ${sessionToken}`;
  const session = row && {
    createdAt: row.createdAt,
    lastSeenAt: row.lastSeenAt,
    expires: row.expires,
    user: { id: row.id, email: row.email, name: row.name, role: row.role, disabledAt: row.disabledAt },
  };
  if (!session) return null;
  // Turning an account off deletes its sessions; this also ends one opened by a sign-in that was
  // already past its checks at that moment.
  if (session.user.disabledAt) {
    await revokeSession(sessionToken);
    return null;
  }
  const now = new Date();
  const verdict = judgeSession(session, session.user.role, now);
  if (verdict === "idle" || verdict === "expired") {
    await revokeSession(sessionToken);
    return null;
  }
  if (verdict === "live_touch") {
    // Guarded, so concurrent requests write it once.
    const touchedBefore = new Date(now.getTime() - SESSION_TOUCH_INTERVAL_SECONDS * 1000);
    await prisma.session.updateMany({
      where: { sessionToken, lastSeenAt: { lt: touchedBefore } },
      data: { lastSeenAt: now },
    });
  }
  const { disabledAt: _disabledAt, ...user } = session.user;
  return user;
}

/**
 * Sign-out: deletes the session row and records it in the audit log, together. Throws when the
 * database cannot do it, so the caller never clears the cookie of a session that lives on.
 */
export async function endSession(sessionToken: string, clientIp: string): Promise<void> {
  await runTransaction(prisma, async (tx) => {
    const session = await tx.session.findUnique({ where: { sessionToken }, select: { userId: true } });
    if (!session) return;
    const { count } = await tx.session.deleteMany({ where: { sessionToken } });
    if (count === 0) return;
    await recordAudit(tx, {
      actorId: session.userId,
      action: "user.sign_out",
      entityType: "User",
      entityId: session.userId,
      data: { ip: clientIp },
    });
  });
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
  const now = Date.now();
  const before = (seconds: number) => new Date(now - seconds * 1000);
  const staff = { role: { not: "CLIENT" as const } };
  const { count } = await prisma.session.deleteMany({
    where: {
      OR: [
        { expires: { lt: new Date(now) } },
        { lastSeenAt: { lt: before(CLIENT_SESSION_LIMITS.idleSeconds) } },
        { lastSeenAt: { lt: before(STAFF_SESSION_LIMITS.idleSeconds) }, user: staff },
        { createdAt: { lt: before(STAFF_SESSION_LIMITS.absoluteSeconds) }, user: staff },
      ],
    },
  });
  return count;
}
