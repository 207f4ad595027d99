-- AlterTable
ALTER TABLE "Period" ADD COLUMN     "approvedAt" TIMESTAMP(3),
ADD COLUMN     "expectedAgencies" TEXT,
ADD COLUMN     "lockedAt" TIMESTAMP(3),
ADD COLUMN     "lockedById" INTEGER;
