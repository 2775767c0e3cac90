// Legacy recovery codes (issue #16 point 4): the first codes had ten characters (about 50 bits)
// under an unsalted SHA-256, which a leaked table gives up in one pass. The migration marks every
// code stored before it as legacy; a legacy code still signs in once; at the owner's next sign-in
// the legacy codes are deleted, audited and the owner emailed (no codes in the email) and told on
// the Security page, where a current code from the app generates new ones.
import { randomInt, randomUUID } from "node:crypto";
import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { describe, expect, it } from "vitest";
import { authenticateWithPassword } from "@/lib/auth/authenticate";
import { hashPassword } from "@/lib/auth/password";
import { hashRecoveryCode, normalizeRecoveryCode } from "@/lib/auth/recovery-codes";
import { replaceLegacyRecoveryCodes } from "@/lib/auth/replace-legacy-recovery-codes";
import { totpCodeAt, totpStepAt } from "@/lib/auth/totp";
import {
  beginTotpEnrolment,
  confirmTotpEnrolment,
  generateNewRecoveryCodes,
  getTwoFactorStatus,
} from "@/lib/auth/two-factor";
import { prisma } from "@/lib/db";
import { applyMigrations, readMigrations } from "@/lib/db/migrate";
import { openPglite } from "@/lib/db/pglite";
import { pgliteConnection } from "@/lib/db/sql-connection";
import { Unprocessable } from "@/lib/errors/domain-errors";
import { ENGINE } from "../support/db-setup";
import { createUser } from "../support/factories";
import { caught } from "../support/staff-scenario";

const PASSWORD = "lantern-meadow-quiet-river";
const LEGACY_MIGRATION = "20261207121500_recovery_code_legacy";
const ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const uniqueIp = () => `198.51.100.${randomInt(1, 250)}-${randomUUID().slice(0, 6)}`;
const codeAt = (key: Uint8Array, offset: number) => totpCodeAt(key, totpStepAt(new Date()) + offset);

/** A ten-character code of the first kind. */
const legacyCode = () => Array.from({ length: 10 }, () => ALPHABET[randomInt(ALPHABET.length)]).join("");

/** A staff member with two-factor on, their key, and ten recovery codes of the first kind in its place. */
async function staffWithLegacyCodes() {
  const user = await createUser({ role: "THERAPIST", passwordHash: await hashPassword(PASSWORD) });
  await beginTotpEnrolment(user.id);
  const { pending } = await getTwoFactorStatus(user.id);
  const key = decodeBase32IgnorePadding(pending?.manualKey.replace(/\s/g, "") ?? "");
  await confirmTotpEnrolment(user.id, codeAt(key, -1));
  const codes = Array.from({ length: 10 }, legacyCode);
  await prisma.recoveryCode.deleteMany({ where: { userId: user.id } });
  await prisma.recoveryCode.createMany({
    data: codes.map((code) => ({ userId: user.id, codeHash: hashRecoveryCode(code), legacy: true })),
  });
  return { user, key, codes };
}

const signIn = (email: string, code: string) =>
  authenticateWithPassword({ email, password: PASSWORD, code }, { clientIp: uniqueIp() });

const notices = (userId: string) =>
  prisma.emailOutbox.findMany({ where: { userId, template: "account-recovery-codes-replaced" } });
const replacements = (userId: string) =>
  prisma.auditLog.findMany({ where: { entityId: userId, action: "user.recovery_codes_replaced" } });

describe("the legacy migration", () => {
  it("marks every recovery code stored before it as legacy, and codes written after it are not", async () => {
    const db = pgliteConnection(openPglite("memory://"), { closeOnRelease: true });
    const migrations = readMigrations();
    const at = migrations.findIndex((migration) => migration.name === LEGACY_MIGRATION);
    expect(at).toBeGreaterThan(0);
    await applyMigrations(db, migrations.slice(0, at));
    await db.query(
      `INSERT INTO "User" ("id", "email", "role", "updatedAt") VALUES ('u1', 'staff@example.test', 'THERAPIST', now())`,
    );
    await db.query(
      `INSERT INTO "RecoveryCode" ("id", "userId", "codeHash") VALUES ('old-1', 'u1', $1), ('old-2', 'u1', $2)`,
      [hashRecoveryCode(legacyCode()), hashRecoveryCode(legacyCode())],
    );
    await applyMigrations(db, migrations);
    await db.query(`INSERT INTO "RecoveryCode" ("id", "userId", "codeHash") VALUES ('new-1', 'u1', 'x')`);
    const rows = await db.query<{ id: string; legacy: boolean }>(
      `SELECT "id", "legacy" FROM "RecoveryCode" ORDER BY "id"`,
    );
    expect(rows).toEqual([
      { id: "new-1", legacy: false },
      { id: "old-1", legacy: true },
      { id: "old-2", legacy: true },
    ]);
    await db.close();
  });
});

describe(`legacy recovery codes are replaced at sign-in (${ENGINE})`, () => {
  it("replaces them at the first sign-in with the app: deleted, audited, emailed without codes, shown on the Security page", async () => {
    const { user, key, codes } = await staffWithLegacyCodes();

    const result = await signIn(user.email, codeAt(key, 0));
    expect(result.ok).toBe(true);

    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
    const audits = await replacements(user.id);
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: user.id, entityType: "User", data: { replaced: 10 } });

    const [notice, ...more] = await notices(user.id);
    expect(more).toEqual([]);
    expect(notice?.toAddress).toBe(user.email);
    expect(notice?.subject).toMatch(/recovery codes were replaced/);
    expect(notice?.text).toMatch(/generate new ones on the Security page/i);
    expect(notice?.text).toContain("/staff/security");
    for (const code of codes) {
      expect(notice?.text).not.toContain(code);
      expect(notice?.html).not.toContain(code);
    }

    const status = await getTwoFactorStatus(user.id);
    expect(status.recoveryCodesLeft).toBe(0);
    expect(status.codesReplacedAt).toBeInstanceOf(Date);

    // Once only: the next sign-in finds nothing to replace.
    expect((await signIn(user.email, codeAt(key, 1))).ok).toBe(true);
    expect(await notices(user.id)).toHaveLength(1);
    expect(await replacements(user.id)).toHaveLength(1);
  });

  it("lets a legacy code sign in once, then the rest stop working", async () => {
    const { user, codes } = await staffWithLegacyCodes();
    const [first, second] = codes as [string, string];

    const withCode = await signIn(user.email, first.toLowerCase());
    expect(withCode.ok).toBe(true);
    const signInAudit = await prisma.auditLog.findFirst({
      where: { entityId: user.id, action: "user.sign_in" },
      orderBy: { createdAt: "desc" },
    });
    expect(signInAudit?.data).toMatchObject({ secondFactor: "recovery_code" });
    // The nine left were replaced; the one used does not count as replaced.
    expect((await replacements(user.id))[0]?.data).toEqual({ replaced: 9 });
    expect(await notices(user.id)).toHaveLength(1);

    expect(await signIn(user.email, first)).toEqual({ ok: false, reason: "second_factor_invalid" });
    expect(await signIn(user.email, second)).toEqual({ ok: false, reason: "second_factor_invalid" });
    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);
  });

  it("leaves codes of the current kind alone", async () => {
    const user = await createUser({ role: "ADMIN", passwordHash: await hashPassword(PASSWORD) });
    await beginTotpEnrolment(user.id);
    const { pending } = await getTwoFactorStatus(user.id);
    const key = decodeBase32IgnorePadding(pending?.manualKey.replace(/\s/g, "") ?? "");
    const codes = await confirmTotpEnrolment(user.id, codeAt(key, -1));
    expect(codes.every((code) => normalizeRecoveryCode(code)?.length === 24)).toBe(true);
    expect(await prisma.recoveryCode.count({ where: { userId: user.id, legacy: true } })).toBe(0);

    expect((await signIn(user.email, codeAt(key, 0))).ok).toBe(true);
    expect(await prisma.recoveryCode.count({ where: { userId: user.id, usedAt: null } })).toBe(10);
    expect(await notices(user.id)).toEqual([]);
    expect((await getTwoFactorStatus(user.id)).codesReplacedAt).toBeNull();
  });

  it("replaces them once when two sign-ins arrive together", async () => {
    const { user } = await staffWithLegacyCodes();
    const counts = await Promise.all([replaceLegacyRecoveryCodes(user), replaceLegacyRecoveryCodes(user)]);
    expect(counts.sort()).toEqual([0, 10]);
    expect(await notices(user.id)).toHaveLength(1);
    expect(await replacements(user.id)).toHaveLength(1);
  });

  it("generates new codes on the Security page with a current app code only, and the notice goes", async () => {
    const { user, key, codes } = await staffWithLegacyCodes();
    expect((await signIn(user.email, codeAt(key, 0))).ok).toBe(true);

    const wrong = await caught(generateNewRecoveryCodes(user.id, "000000" === codeAt(key, 1) ? "111111" : "000000"));
    expect(wrong).toBeInstanceOf(Unprocessable);
    expect((wrong as Unprocessable).fields?.code).toBeDefined();
    // A recovery code (even one of the old kind) does not trade itself for ten new ones.
    expect(await caught(generateNewRecoveryCodes(user.id, codes[5] as string))).toBeInstanceOf(Unprocessable);
    expect(await prisma.recoveryCode.count({ where: { userId: user.id } })).toBe(0);

    const fresh = await generateNewRecoveryCodes(user.id, codeAt(key, 1));
    expect(fresh).toHaveLength(10);
    expect(fresh.every((code) => normalizeRecoveryCode(code)?.length === 24)).toBe(true);
    const stored = await prisma.recoveryCode.findMany({ where: { userId: user.id } });
    expect(stored.map((row) => row.legacy)).toEqual(Array(10).fill(false));
    expect(stored.map((row) => row.codeHash).sort()).toEqual(fresh.map(hashRecoveryCode).sort());
    expect(await prisma.auditLog.count({ where: { entityId: user.id, action: "user.recovery_codes_generated" } })).toBe(
      1,
    );

    const status = await getTwoFactorStatus(user.id);
    expect(status).toMatchObject({ recoveryCodesLeft: 10, codesReplacedAt: null });
    expect((await signIn(user.email, fresh[0] as string)).ok).toBe(true);
  });
});
