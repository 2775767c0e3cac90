// A health screening that stopped an online booking leaves one audit entry: who (when signed in)
// and when, never the answers.
import { recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db";
import { hitRateLimit } from "@/lib/rate-limit/rate-limit";
import { releaseHoldsAfterStop } from "./booking-screening";

// The stop itself happens in the browser the moment a red flag is answered, so the page reports it
// here; a throttle per address keeps this from filling the log. A signed-in client's unpaid holds
// are released whatever the throttle says: a checkout opened before the stop (in another tab, or
// before going back to change an answer) must not stay payable.
export const SCREENING_STOP_LIMIT = { limit: 20, windowSeconds: 60 * 60 };

export async function recordScreeningStop(input: { userId: string | null; clientIp: string }): Promise<boolean> {
  const throttle = await hitRateLimit(`screening-stop:ip:${input.clientIp}`, SCREENING_STOP_LIMIT);
  if (input.userId) {
    await releaseHoldsAfterStop(input.userId, input.userId, { audit: throttle.allowed });
    return throttle.allowed;
  }
  if (!throttle.allowed) return false;
  await recordAudit(prisma, {
    actorId: null,
    action: "booking.intake_blocked",
    entityType: "Screening",
    entityId: "anonymous",
  });
  return true;
}
