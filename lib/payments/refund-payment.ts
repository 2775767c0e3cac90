// Refunds: recorded first, sent to Stripe second, so each refund is decided once, sent once and
// booked once, however often a step is retried.
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { runTransaction } from "@/lib/db/transaction";
import { Unprocessable } from "@/lib/errors/domain-errors";
import { enqueueRefundNotice } from "@/lib/notifications/enqueue-refund-notice";
import { recordStripeEvent } from "./record-stripe-event";
import { getStripe } from "./stripe-client";

export interface RefundDecision {
  paymentId: string;
  amountCents: number;
  reason: string;
  idempotencyKey: string;
  createdById: string | null;
}

// A Refund row with a unique idempotency key is written in the transaction that decides the refund
// (so a decision is made once), then sent to Stripe with that same key (so a retried call refunds
// once), then marked succeeded by a guarded update that also adds the amount to the payment (so the
// books move once). A payment taken at the clinic's desk never went through Stripe: its refund is
// handed back at the desk and booked at once.
/**
 * Records a refund to be sent, inside the caller's transaction. Returns the refund id, or null when
 * a refund with this idempotency key was already decided. Refuses more than is left to refund.
 */
export async function decideRefund(tx: Prisma.TransactionClient, decision: RefundDecision): Promise<string | null> {
  // Lock the payment: two refunds decided at once (staff and client, say) are decided one after the
  // other, so together they can never exceed what was paid.
  await tx.$queryRaw`SELECT "id" FROM "Payment" WHERE "id" = ${decision.paymentId} FOR UPDATE`;
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

/** Sends a decided refund to Stripe and books what Stripe says of it. Safe to call again. */
export async function executeRefund(refundId: string): Promise<void> {
  const refund = await prisma.refund.findUnique({
    where: { id: refundId },
    select: {
      id: true,
      status: true,
      amountCents: true,
      idempotencyKey: true,
      reason: true,
      stripeRefundId: true,
      createdById: true,
      payment: { select: { id: true, method: true, stripePaymentIntentId: true } },
    },
  });
  if (!refund || refund.status !== "PENDING") return;
  if (refund.payment.method === "DESK") {
    await settleDeskRefund(refund);
    return;
  }
  if (!refund.payment.stripePaymentIntentId) throw new Error(`payment ${refund.payment.id} has no payment intent`);
  // Sent before and still pending at Stripe: ask, rather than send it again.
  const stripeRefund = refund.stripeRefundId
    ? await getStripe().refunds.retrieve(refund.stripeRefundId)
    : await getStripe().refunds.create(
        {
          payment_intent: refund.payment.stripePaymentIntentId,
          amount: refund.amountCents,
          metadata: { refundId: refund.id, reason: refund.reason },
        },
        { idempotencyKey: refund.idempotencyKey },
      );
  await settleRefund({ id: stripeRefund.id, status: stripeRefund.status, metadata: stripeRefund.metadata });
}

/**
 * Books a refund as Stripe reports it (from the create call, or a refund.updated / refund.failed
 * event): succeeded adds the amount to the payment once; failed or canceled marks it FAILED for
 * staff to follow up; pending waits for the next event.
 */
export async function settleRefund(
  stripeRefund: { id: string; status: string | null; metadata?: Record<string, string> | null },
  event?: { id: string; type: string },
): Promise<"succeeded" | "failed" | "pending" | "unknown" | "duplicate_event"> {
  const refundId = stripeRefund.metadata?.refundId;
  return runTransaction(prisma, async (tx) => {
    if ((await recordStripeEvent(tx, event)) === "duplicate") return "duplicate_event";
    const refund = await tx.refund.findFirst({
      where: refundId ? { id: refundId } : { stripeRefundId: stripeRefund.id },
      select: { id: true, paymentId: true, amountCents: true, status: true },
    });
    if (!refund) return "unknown";
    if (stripeRefund.status === "succeeded") {
      const settled = await tx.refund.updateMany({
        where: { id: refund.id, status: "PENDING" },
        data: { status: "SUCCEEDED", stripeRefundId: stripeRefund.id },
      });
      if (settled.count === 1) {
        await bookRefundedAmount(tx, refund.paymentId, refund.amountCents);
        await enqueueRefundNotice(tx, refund.id);
      }
      return "succeeded";
    }
    if (stripeRefund.status === "failed" || stripeRefund.status === "canceled") {
      // A refund booked as succeeded can still fail later (a closed card): take it off the books.
      const failed = await tx.refund.updateMany({
        where: { id: refund.id, status: { in: ["PENDING", "SUCCEEDED"] } },
        data: { status: "FAILED", stripeRefundId: stripeRefund.id },
      });
      if (failed.count === 1) {
        if (refund.status === "SUCCEEDED") await bookRefundedAmount(tx, refund.paymentId, -refund.amountCents);
        await recordAudit(tx, {
          actorId: null,
          action: "refund.failed",
          entityType: "Payment",
          entityId: refund.paymentId,
          data: { refundId: refund.id, stripeStatus: stripeRefund.status },
        });
      }
      return "failed";
    }
    await tx.refund.updateMany({
      where: { id: refund.id, stripeRefundId: null },
      data: { stripeRefundId: stripeRefund.id },
    });
    return "pending";
  });
}

// A desk refund: the money goes back across the desk, so there is nothing to send; it is booked
// by the same guarded update (PENDING → SUCCEEDED once) that books a refund Stripe confirmed.
async function settleDeskRefund(refund: {
  id: string;
  amountCents: number;
  createdById: string | null;
  payment: { id: string };
}): Promise<void> {
  await runTransaction(prisma, async (tx) => {
    const settled = await tx.refund.updateMany({
      where: { id: refund.id, status: "PENDING" },
      data: { status: "SUCCEEDED" },
    });
    if (settled.count !== 1) return;
    await bookRefundedAmount(tx, refund.payment.id, refund.amountCents);
    await recordAudit(tx, {
      actorId: refund.createdById,
      action: "refund.desk_recorded",
      entityType: "Payment",
      entityId: refund.payment.id,
      data: { refundId: refund.id, amountCents: refund.amountCents },
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

async function bookRefundedAmount(tx: Prisma.TransactionClient, paymentId: string, deltaCents: number): Promise<void> {
  const payment = await tx.payment.update({
    where: { id: paymentId },
    data: { amountRefundedCents: { increment: deltaCents } },
    select: { amountCents: true, amountRefundedCents: true },
  });
  const status =
    payment.amountRefundedCents <= 0
      ? "SUCCEEDED"
      : payment.amountRefundedCents >= payment.amountCents
        ? "REFUNDED"
        : "PARTIALLY_REFUNDED";
  await tx.payment.update({ where: { id: paymentId }, data: { status } });
}
