-- AlterTable
ALTER TABLE "Document" ADD COLUMN "approvesNumber" TEXT;
