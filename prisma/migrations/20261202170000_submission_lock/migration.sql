-- AlterTable: one agency's submission locked or approved by a coordinator (dashboard), independent of the period.
ALTER TABLE "Submission" ADD COLUMN "lockedAt" DATETIME;
ALTER TABLE "Submission" ADD COLUMN "lockedById" INTEGER;
ALTER TABLE "Submission" ADD COLUMN "approvedAt" DATETIME;
ALTER TABLE "Submission" ADD COLUMN "approvedById" INTEGER;
