-- AlterTable
ALTER TABLE "Document" ADD COLUMN "warnings" TEXT;
