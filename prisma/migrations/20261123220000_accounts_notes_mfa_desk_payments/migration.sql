-- CreateEnum
CREATE TYPE "AccountTokenPurpose" AS ENUM ('PASSWORD_RESET', 'EMAIL_VERIFICATION', 'EMAIL_CHANGE', 'STAFF_INVITE');

-- CreateEnum
CREATE TYPE "PaymentMethod" AS ENUM ('STRIPE_CHECKOUT', 'DESK');

-- CreateEnum
CREATE TYPE "CalfSide" AS ENUM ('LEFT', 'RIGHT');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deletedAt" TIMESTAMPTZ(3),
ADD COLUMN     "disabledAt" TIMESTAMPTZ(3),
ADD COLUMN     "totpEnabledAt" TIMESTAMPTZ(3),
ADD COLUMN     "totpSecretEncrypted" TEXT;

-- AlterTable
ALTER TABLE "Service" ADD COLUMN     "freeCancellationHours" INTEGER NOT NULL DEFAULT 24,
ADD COLUMN     "lateCancellationRefundPercent" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Booking" ADD COLUMN     "bookedById" TEXT,
ADD COLUMN     "calendarSequence" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "payAtDesk" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "method" "PaymentMethod" NOT NULL DEFAULT 'STRIPE_CHECKOUT',
ALTER COLUMN "stripeCheckoutSessionId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "EmailOutbox" ADD COLUMN     "attachments" JSONB,
ADD COLUMN     "userId" TEXT;

-- CreateTable
CREATE TABLE "AccountToken" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "AccountTokenPurpose" NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "newEmail" TEXT,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccountToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TreatmentNote" (
    "id" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "subjective" TEXT NOT NULL DEFAULT '',
    "objective" TEXT NOT NULL DEFAULT '',
    "assessment" TEXT NOT NULL DEFAULT '',
    "plan" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "TreatmentNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TreatmentNoteRevision" (
    "id" TEXT NOT NULL,
    "noteId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "authorId" TEXT NOT NULL,
    "subjective" TEXT NOT NULL,
    "objective" TEXT NOT NULL,
    "assessment" TEXT NOT NULL,
    "plan" TEXT NOT NULL,
    "calfRecords" JSONB NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TreatmentNoteRevision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CalfRecord" (
    "id" TEXT NOT NULL,
    "bookingId" TEXT NOT NULL,
    "side" "CalfSide" NOT NULL,
    "tension" INTEGER NOT NULL,
    "swelling" INTEGER NOT NULL,
    "tenderness" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "CalfRecord_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccountToken_tokenHash_key" ON "AccountToken"("tokenHash");

-- CreateIndex
CREATE INDEX "AccountToken_userId_purpose_idx" ON "AccountToken"("userId", "purpose");

-- CreateIndex
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentNote_bookingId_key" ON "TreatmentNote"("bookingId");

-- CreateIndex
CREATE UNIQUE INDEX "TreatmentNoteRevision_noteId_version_key" ON "TreatmentNoteRevision"("noteId", "version");

-- CreateIndex
CREATE UNIQUE INDEX "CalfRecord_bookingId_side_key" ON "CalfRecord"("bookingId", "side");

-- CreateIndex
CREATE INDEX "EmailOutbox_userId_createdAt_idx" ON "EmailOutbox"("userId", "createdAt");

-- AddForeignKey
ALTER TABLE "AccountToken" ADD CONSTRAINT "AccountToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Booking" ADD CONSTRAINT "Booking_bookedById_fkey" FOREIGN KEY ("bookedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentNote" ADD CONSTRAINT "TreatmentNote_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentNote" ADD CONSTRAINT "TreatmentNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentNoteRevision" ADD CONSTRAINT "TreatmentNoteRevision_noteId_fkey" FOREIGN KEY ("noteId") REFERENCES "TreatmentNote"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TreatmentNoteRevision" ADD CONSTRAINT "TreatmentNoteRevision_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CalfRecord" ADD CONSTRAINT "CalfRecord_bookingId_fkey" FOREIGN KEY ("bookingId") REFERENCES "Booking"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "EmailOutbox" ADD CONSTRAINT "EmailOutbox_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written guards the schema language cannot express.
ALTER TABLE "CalfRecord" ADD CONSTRAINT "CalfRecord_scores_0_to_10"
  CHECK ("tension" BETWEEN 0 AND 10 AND "swelling" BETWEEN 0 AND 10 AND "tenderness" BETWEEN 0 AND 10);
ALTER TABLE "Service" ADD CONSTRAINT "Service_cancellation_policy_valid"
  CHECK ("freeCancellationHours" BETWEEN 0 AND 720 AND "lateCancellationRefundPercent" BETWEEN 0 AND 100);
-- An online payment always has its Checkout session; a desk payment never has Stripe ids.
ALTER TABLE "Payment" ADD CONSTRAINT "Payment_method_matches_stripe_ids"
  CHECK (("method" = 'STRIPE_CHECKOUT' AND "stripeCheckoutSessionId" IS NOT NULL)
      OR ("method" = 'DESK' AND "stripeCheckoutSessionId" IS NULL AND "stripePaymentIntentId" IS NULL));
-- At most one live link of each kind per account: issuing a new one replaces (deletes) the old.
CREATE UNIQUE INDEX "AccountToken_one_live_per_purpose" ON "AccountToken"("userId", "purpose") WHERE "usedAt" IS NULL;
