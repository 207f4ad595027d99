-- AlterTable
ALTER TABLE "Regime" ADD COLUMN "agencyChanges" TEXT;
