-- AlterTable
ALTER TABLE "Period" ADD COLUMN "approvedAt" DATETIME;
ALTER TABLE "Period" ADD COLUMN "expectedAgencies" TEXT;
ALTER TABLE "Period" ADD COLUMN "lockedAt" DATETIME;
ALTER TABLE "Period" ADD COLUMN "lockedById" INTEGER;
