// Stores a Stripe event id in the transaction of the change it causes. The first delivery inserts
// it; a redelivery (even one running at the same moment) finds it there and changes nothing.
import type { Prisma } from "@/lib/generated/prisma/client";

export async function recordStripeEvent(
  tx: Prisma.TransactionClient,
  event: { id: string; type: string } | undefined,
): Promise<"new" | "duplicate"> {
  if (!event) return "new";
  const inserted = await tx.$executeRaw`
    INSERT INTO "StripeEvent" ("id", "type", "processedAt") VALUES (${event.id}, ${event.type}, now())
    ON CONFLICT ("id") DO NOTHING`;
  return inserted === 1 ? "new" : "duplicate";
}
