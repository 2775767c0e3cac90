// Refunds: recorded first, sent to Stripe second. A Refund row with a unique idempotency key is
// written in the transaction that decides the refund (so a decision is made once), then sent to
// Stripe with that same key (so a retried call refunds once), then marked succeeded by a guarded
// update that also adds the amount to the payment (so the books move once).
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { Unprocessable } from "@/lib/errors/domain-errors";
import { getStripe } from "./stripe-client";

export interface RefundDecision {
  paymentId: string;
  amountCents: number;
  reason: string;
  idempotencyKey: string;
  createdById: string | null;
}

/**
 * Records a refund to be sent, inside the caller's transaction. Returns the refund id, or null when
 * a refund with this idempotency key was already decided. Refuses more than is left to refund.
 */
export async function decideRefund(tx: Prisma.TransactionClient, decision: RefundDecision): Promise<string | null> {
  const earlier = await tx.refund.findUnique({
    where: { idempotencyKey: decision.idempotencyKey },
    select: { id: true },
  });
  if (earlier) return null;
  const payment = await tx.payment.findUnique({
    where: { id: decision.paymentId },
    select: {
      amountCents: true,
      status: true,
      refunds: { where: { status: { not: "FAILED" } }, select: { amountCents: true } },
    },
  });
  if (!payment || !["SUCCEEDED", "PARTIALLY_REFUNDED"].includes(payment.status)) {
    throw new Unprocessable("There is no payment to refund.");
  }
  const alreadyDecided = payment.refunds.reduce((sum, refund) => sum + refund.amountCents, 0);
  if (decision.amountCents <= 0 || decision.amountCents > payment.amountCents - alreadyDecided) {
    throw new Unprocessable("A refund cannot be more than what is left of the payment.", {
      amountCents: [`At most ${payment.amountCents - alreadyDecided} can be refunded.`],
    });
  }
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "Refund" ("id", "paymentId", "idempotencyKey", "amountCents", "reason", "status", "createdById", "createdAt", "updatedAt")
    VALUES (${`rf_${decision.idempotencyKey}`}, ${decision.paymentId}, ${decision.idempotencyKey}, ${decision.amountCents},
            ${decision.reason}, 'PENDING', ${decision.createdById}, now(), now())
    ON CONFLICT ("idempotencyKey") DO NOTHING
    RETURNING "id"`;
  const refundId = inserted[0]?.id ?? null;
  if (refundId) {
    await recordAudit(tx, {
      actorId: decision.createdById,
      action: "refund.decided",
      entityType: "Payment",
      entityId: decision.paymentId,
      data: { refundId, amountCents: decision.amountCents, reason: decision.reason },
    });
  }
  return refundId;
}

/** Sends a decided refund to Stripe and books it. Safe to call again: each step happens once. */
export async function executeRefund(refundId: string): Promise<void> {
  const refund = await prisma.refund.findUnique({
    where: { id: refundId },
    select: {
      id: true,
      status: true,
      amountCents: true,
      idempotencyKey: true,
      reason: true,
      payment: { select: { id: true, stripePaymentIntentId: true } },
    },
  });
  if (!refund || refund.status !== "PENDING") return;
  if (!refund.payment.stripePaymentIntentId) throw new Error(`payment ${refund.payment.id} has no payment intent`);
  const stripeRefund = await getStripe().refunds.create(
    {
      payment_intent: refund.payment.stripePaymentIntentId,
      amount: refund.amountCents,
      metadata: { refundId: refund.id, reason: refund.reason },
    },
    { idempotencyKey: refund.idempotencyKey },
  );
  await runTransaction(prisma, async (tx) => {
    const settled = await tx.refund.updateMany({
      where: { id: refund.id, status: "PENDING" },
      data: { status: "SUCCEEDED", stripeRefundId: stripeRefund.id },
    });
    if (settled.count === 0) return;
    const payment = await tx.payment.update({
      where: { id: refund.payment.id },
      data: { amountRefundedCents: { increment: refund.amountCents } },
      select: { amountCents: true, amountRefundedCents: true },
    });
    await tx.payment.update({
      where: { id: refund.payment.id },
      data: { status: payment.amountRefundedCents >= payment.amountCents ? "REFUNDED" : "PARTIALLY_REFUNDED" },
    });
  });
}

/** Sends every refund of a Checkout Session's payment that was decided but not yet sent. */
export async function executePendingRefundsOfSession(checkoutSessionId: string): Promise<void> {
  const pending = await prisma.refund.findMany({
    where: { payment: { stripeCheckoutSessionId: checkoutSessionId }, status: "PENDING" },
    select: { id: true },
  });
  for (const refund of pending) await executeRefund(refund.id);
}
