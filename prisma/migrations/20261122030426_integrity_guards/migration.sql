-- DropForeignKey
ALTER TABLE "BookingNote" DROP CONSTRAINT "BookingNote_bookingId_fkey";

-- CreateIndex
CREATE INDEX "Booking_startsAt_idx" ON "Booking"("startsAt");

-- AddForeignKey
ALTER TABLE "BookingNote" ADD CONSTRAINT "BookingNote_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- ---------------------------------------------------------------------------------------------
-- Hand-written: what the schema language cannot express.

-- An unpaid hold must say when it lapses, or nothing would ever release its slot.
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_hold_has_expiry"
  CHECK ("status" <> 'PENDING_PAYMENT' OR "holdExpiresAt" IS NOT NULL);

-- At most one live payment (open or paid) per booking: a retried checkout can never charge twice.
CREATE UNIQUE INDEX "Payment_one_live_per_booking" ON "Payment" ("bookingId")
  WHERE "status" IN ('PENDING', 'SUCCEEDED');

-- Emails are stored lower-cased by the application; the database refuses case variants anyway.
CREATE UNIQUE INDEX "User_email_lower_key" ON "User" (lower("email"));
