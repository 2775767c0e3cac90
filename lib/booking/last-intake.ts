// A returning client's last health answers, shown back for a yes/no re-confirmation of each item
// (online and on a phone booking). Answers older than 6 months, or to an earlier edition of the
// questions, are not shown: the client answers afresh.
import { prisma } from "@/lib/db";
import { CURRENT_QUESTIONNAIRE_VERSION } from "@/lib/clinical/questionnaire";
import { readStoredIntake, type StoredIntake } from "./intake";

export const REASK_AFTER_MONTHS = 6;

/** The moment before which answers are asked afresh. */
export function freshAnswersSince(now: Date): Date {
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - REASK_AFTER_MONTHS);
  return since;
}

export interface LastIntake {
  bookingId: string;
  answeredAt: Date;
  intake: StoredIntake;
}

/** The client's most recent answers of the current version from the last 6 months, or null. */
export async function findLastIntake(clientId: string, now = new Date()): Promise<LastIntake | null> {
  const row = await prisma.booking.findFirst({
    where: { clientId, createdAt: { gte: freshAnswersSince(now), lte: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, intake: true },
  });
  if (!row) return null;
  const intake = readStoredIntake(row.intake);
  if (!intake || intake.version !== CURRENT_QUESTIONNAIRE_VERSION) return null;
  return { bookingId: row.id, answeredAt: row.createdAt, intake };
}

/** The day answers were given, as a client reads it ("November 4"). */
export function formatAnsweredOn(answeredAt: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-US", { month: "long", day: "numeric", timeZone }).format(answeredAt);
}
