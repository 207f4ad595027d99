-- AlterTable
ALTER TABLE "Section" ADD COLUMN     "page" INTEGER;
