// Signed consents: read, checked and written. A client signs online by typing their full name (in
// the same request, and the same transaction, as the booking that needs it); staff record a
// signature the client made at the clinic, on paper or on the clinic tablet. Each signature keeps
// its version, so the text as signed can always be shown (lib/clinical/consent.ts).
import { randomUUID } from "node:crypto";
import { z } from "zod";
import { recordAudit, recordAuditEntries } from "@/lib/audit/record-audit";
import { getSql, prisma } from "@/lib/db";
import { sql, type Sql } from "@/lib/db/sql";
import { runTransaction } from "@/lib/db/transaction";
import { recordId } from "@/lib/forms/record-id";
import { plainText } from "@/lib/forms/text";
import { InvalidTransition, NotFound, Unprocessable } from "@/lib/errors/domain-errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ConsentMethod } from "@/lib/generated/prisma/enums";
import { clientScopeOf } from "@/lib/clients/clients";
import type { StaffViewer } from "@/lib/auth/staff-viewer";
import { CURRENT_CONSENT, consentVersion, SIGNED_NAME_RULE, signedNameMatches } from "./consent";

export const CONSENT_SIGNED_ACTION = "consent.signed";

/** `consent` as POST /api/bookings and the booking form take it. */
export const consentInputSchema = z.object({
  version: z.number().int().positive(),
  signedName: plainText({ max: 200 }).pipe(z.string().min(1, "Type your full name to sign.")),
});
export type ConsentInput = z.infer<typeof consentInputSchema>;

/** A booking needs the current consent and has none: 422 with the field `consent`. */
export class ConsentRequired extends Unprocessable {
  override name = "ConsentRequired";
  constructor(
    message = `Please read and sign the consent (version ${CURRENT_CONSENT.version}) before booking.`,
    fields: Record<string, string[]> = { consent: [message] },
  ) {
    super(message, fields);
  }
}

export interface ConsentSignatureView {
  id: string;
  version: number;
  signedName: string;
  method: ConsentMethod;
  signedAt: Date;
  recordedByName: string | null;
  withdrawnAt: Date | null;
  withdrawnByName: string | null;
  /** The document as signed (null only for a version this build no longer knows). */
  title: string | null;
  sections: { heading: string; body: string }[];
}

type ConsentReader = Pick<Prisma.TransactionClient, "consentSignature">;

/** Newest first. */
export async function listConsentSignatures(
  userId: string,
  db: ConsentReader = prisma,
): Promise<ConsentSignatureView[]> {
  const rows = await db.consentSignature.findMany({
    where: { userId },
    orderBy: [{ signedAt: "desc" }, { version: "desc" }],
    select: {
      id: true,
      version: true,
      signedName: true,
      method: true,
      signedAt: true,
      recordedBy: { select: { name: true, email: true } },
      withdrawnAt: true,
      withdrawnBy: { select: { name: true, email: true } },
    },
  });
  return rows.map((row) => {
    const document = consentVersion(row.version);
    return {
      id: row.id,
      version: row.version,
      signedName: row.signedName,
      method: row.method,
      signedAt: row.signedAt,
      recordedByName: row.recordedBy ? (row.recordedBy.name ?? row.recordedBy.email) : null,
      withdrawnAt: row.withdrawnAt,
      withdrawnByName: row.withdrawnBy ? (row.withdrawnBy.name ?? row.withdrawnBy.email) : null,
      title: document?.title ?? null,
      sections: document ? [...document.sections] : [],
    };
  });
}

/** This account's signature of one version (the current one by default) still in force, or null. */
export async function findConsentSignature(
  userId: string,
  version: number = CURRENT_CONSENT.version,
  db: ConsentReader = prisma,
): Promise<{ signedAt: Date; method: ConsentMethod } | null> {
  return db.consentSignature.findFirst({
    where: { userId, version, withdrawnAt: null },
    select: { signedAt: true, method: true },
  });
}

/**
 * Checks a signature typed online before anything is written: the version must be the current one
 * (an older text gets 422 `consent`) and the name the account's own (422 `signedName`).
 */
export async function checkOnlineSignature(userId: string, input: ConsentInput): Promise<ConsentInput> {
  if (input.version !== CURRENT_CONSENT.version) {
    throw new ConsentRequired("The consent has changed since you read it. Please read the new version and sign again.");
  }
  const account = await prisma.user.findUnique({ where: { id: userId }, select: { name: true } });
  if (!account) throw new NotFound("We couldn't find your account.");
  if (!account.name) {
    const message = "Your account has no name yet. Add your full name on your profile, then sign.";
    throw new Unprocessable(message, { signedName: [message] });
  }
  if (!signedNameMatches(input.signedName, account.name)) {
    const message = `That isn't the name on your account. ${SIGNED_NAME_RULE}`;
    throw new Unprocessable(message, { signedName: [message] });
  }
  return input;
}

/**
 * Writes a signature in the caller's transaction with its audit entry. Signing a version already
 * signed and in force writes nothing and returns false; signing one that was withdrawn signs it
 * afresh (the audit log keeps both events). One statement, so the transaction stays usable.
 */
export async function writeConsentSignature(
  tx: Sql,
  signature: {
    userId: string;
    version: number;
    signedName: string;
    method: ConsentMethod;
    recordedById: string | null;
    actorId: string;
    signedAt?: Date;
  },
): Promise<boolean> {
  const signedAt = signature.signedAt ?? new Date();
  const written = await tx.query<{ id: string }>(sql`
    INSERT INTO "ConsentSignature" ("id", "userId", "version", "signedName", "method", "recordedById", "signedAt")
    VALUES (${randomUUID()}, ${signature.userId}, ${signature.version}::int, ${signature.signedName},
      ${signature.method}::"ConsentMethod", ${signature.recordedById}::text, ${signedAt}::timestamptz)
    ON CONFLICT ("userId", "version") DO UPDATE SET
      "signedName" = EXCLUDED."signedName", "method" = EXCLUDED."method",
      "recordedById" = EXCLUDED."recordedById", "signedAt" = EXCLUDED."signedAt",
      "withdrawnAt" = NULL, "withdrawnById" = NULL
    WHERE "ConsentSignature"."withdrawnAt" IS NOT NULL
    RETURNING "id"`);
  if (written.length === 0) return false;
  await recordAuditEntries(tx, [
    {
      actorId: signature.actorId,
      action: CONSENT_SIGNED_ACTION,
      entityType: "User",
      entityId: signature.userId,
      data: { version: signature.version, method: signature.method },
    },
  ]);
  return true;
}

export const deskConsentSchema = z.object({
  clientId: recordId(),
  version: z.coerce.number<string>().int().positive(),
  method: z.enum(["PAPER", "TABLET"], { error: "Say where the client signed: on paper or on the clinic tablet." }),
  signedName: plainText({ max: 200 }).pipe(z.string().min(1, "Type the name the client signed with.")),
});
export type DeskConsentInput = z.infer<typeof deskConsentSchema>;

/**
 * Staff record that a client signed the consent at the clinic (on paper or the clinic tablet).
 * Only the current version can be recorded (the client read that text), for a client the staff
 * member may see (the client page's scope), with the same name rule as online.
 */
export async function recordDeskConsent(viewer: StaffViewer, input: DeskConsentInput): Promise<{ written: boolean }> {
  const client = await prisma.user.findFirst({
    where: { id: input.clientId, ...clientScopeOf(viewer) },
    select: { name: true },
  });
  if (!client) throw new NotFound("We couldn't find that client.");
  if (input.version !== CURRENT_CONSENT.version) {
    const message = `Only the current consent (version ${CURRENT_CONSENT.version}) can be recorded.`;
    throw new Unprocessable(message, { version: [message] });
  }
  if (!signedNameMatches(input.signedName, client.name)) {
    const message = `That isn't the name on the client's account (${client.name ?? "no name recorded"}).`;
    throw new Unprocessable(message, { signedName: [message] });
  }
  const written = await getSql().transaction((tx) =>
    writeConsentSignature(tx, {
      userId: input.clientId,
      version: input.version,
      signedName: input.signedName,
      method: input.method,
      recordedById: viewer.userId,
      actorId: viewer.userId,
    }),
  );
  return { written };
}

export const CONSENT_WITHDRAWN_ACTION = "consent.withdrawn";

/**
 * The client withdrew their consent (told their therapist or the clinic): staff record it, for a
 * client they may see. The signature stays listed as withdrawn; online booking then asks them to
 * sign again. Withdrawing what is not in force is an InvalidTransition.
 */
export async function withdrawConsent(viewer: StaffViewer, clientId: string, now = new Date()): Promise<void> {
  const client = await prisma.user.findFirst({
    where: { id: clientId, ...clientScopeOf(viewer) },
    select: { id: true },
  });
  if (!client) throw new NotFound("We couldn't find that client.");
  await runTransaction(prisma, async (tx) => {
    const withdrawn = await tx.consentSignature.updateMany({
      where: { userId: clientId, withdrawnAt: null },
      data: { withdrawnAt: now, withdrawnById: viewer.userId },
    });
    if (withdrawn.count === 0) throw new InvalidTransition("This client has no consent in force to withdraw.");
    await recordAudit(tx, {
      actorId: viewer.userId,
      action: CONSENT_WITHDRAWN_ACTION,
      entityType: "User",
      entityId: clientId,
    });
  });
}
