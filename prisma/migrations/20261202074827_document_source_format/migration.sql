-- AlterTable
ALTER TABLE "Document" ADD COLUMN "ocrConfidence" REAL;
ALTER TABLE "Document" ADD COLUMN "sourceFormat" TEXT;
