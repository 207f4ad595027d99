-- CreateEnum
CREATE TYPE "Locale" AS ENUM ('vi', 'en');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "locale" "Locale" NOT NULL DEFAULT 'vi';
