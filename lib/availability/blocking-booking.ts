// Which existing bookings take a therapist's time: the active statuses of the exclusion constraint,
// except that an unpaid hold stops counting the moment it expires, even before a job has swept it
// to EXPIRED. Otherwise an abandoned checkout would hide a free time for minutes.
import { isActiveStatus } from "@/lib/booking/status";
import type { BookingStatus } from "@/lib/generated/prisma/enums";

export interface BookedTime {
  /** The booking's id, when the caller needs to leave a particular booking out. */
  id?: string;
  therapistId: string;
  status: BookingStatus;
  startsAt: Date;
  blockedUntil: Date; // endsAt plus the buffer, as snapshotted on the booking
  holdExpiresAt: Date | null;
}

export function isBlockingBooking(booking: BookedTime, now: Date): boolean {
  if (!isActiveStatus(booking.status)) return false;
  if (booking.status !== "PENDING_PAYMENT") return true;
  // A hold without an expiry cannot exist (a CHECK constraint); if one did, it would keep blocking.
  return booking.holdExpiresAt === null || booking.holdExpiresAt.getTime() > now.getTime();
}
