-- AlterTable
ALTER TABLE "RecoveryCode" ADD COLUMN     "legacy" BOOLEAN NOT NULL DEFAULT false;

-- Every code stored before this migration is marked legacy. The first recovery codes had ten
-- characters (about 50 bits) under an unsalted SHA-256, which a leaked table gives up in one pass;
-- the 24-character codes that followed are stored the same way, so a hash cannot tell which a row
-- is. Codes written from now on carry false. A legacy code still signs in once; at its owner's
-- next sign-in the legacy codes are deleted and the owner is told to generate new ones
-- (lib/auth/replace-legacy-recovery-codes.ts).
UPDATE "RecoveryCode" SET "legacy" = true;
