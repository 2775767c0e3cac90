-- ---------------------------------------------------------------------------------------------
-- Hand-written: what the schema language cannot express.

-- A client holds at most one unpaid slot at a time: a new hold releases their earlier one, so
-- nobody can keep the calendar blocked by starting checkouts they never finish.
CREATE UNIQUE INDEX "Booking_one_hold_per_client" ON "Booking" ("clientId") WHERE "status" = 'PENDING_PAYMENT';
