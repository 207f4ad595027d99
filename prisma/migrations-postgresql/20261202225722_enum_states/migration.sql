-- The state columns become enums. Written by hand instead of Prisma's DROP COLUMN / ADD COLUMN, which would lose
-- every stored value: each column is converted in place (its indexes are rebuilt with it). A stored value outside
-- the enum stops the migration with PostgreSQL's error naming it, rather than being dropped.

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('official', 'coordinator', 'admin');

-- CreateEnum
CREATE TYPE "TaskRole" AS ENUM ('lead', 'coordinate', 'assigned');

-- CreateEnum
CREATE TYPE "IndicatorKind" AS ENUM ('percent', 'count', 'money', 'ratio', 'other');

-- CreateEnum
CREATE TYPE "ItemKind" AS ENUM ('figure', 'task_status', 'text');

-- CreateEnum
CREATE TYPE "ValueKind" AS ENUM ('percent', 'count', 'money', 'ratio');

-- CreateEnum
CREATE TYPE "PeriodStatus" AS ENUM ('open', 'locked', 'approved');

-- CreateEnum
CREATE TYPE "SubmissionStatus" AS ENUM ('draft', 'submitted');

-- CreateEnum
CREATE TYPE "AnswerStatus" AS ENUM ('chua_trien_khai', 'dang_trien_khai', 'hoan_thanh', 'no_data', 'not_applicable');

-- CreateEnum
CREATE TYPE "OutboxKind" AS ENUM ('prompt', 'reminder', 'overdue', 'digest');

-- CreateEnum
CREATE TYPE "OutboxStatus" AS ENUM ('pending', 'sending', 'sent', 'failed', 'cancelled');

-- AlterTable
ALTER TABLE "TaskAgency" ALTER COLUMN "role" TYPE "TaskRole" USING ("role"::"TaskRole");

-- AlterTable
ALTER TABLE "Indicator" ALTER COLUMN "kind" TYPE "IndicatorKind" USING ("kind"::"IndicatorKind");

-- AlterTable
ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role" USING ("role"::"Role");

-- AlterTable
ALTER TABLE "Invite" ALTER COLUMN "role" TYPE "Role" USING ("role"::"Role");

-- AlterTable
ALTER TABLE "RegimeItem" ALTER COLUMN "kind" TYPE "ItemKind" USING ("kind"::"ItemKind");

-- AlterTable
ALTER TABLE "RegimeItem" ALTER COLUMN "valueKind" TYPE "ValueKind" USING ("valueKind"::"ValueKind");

-- AlterTable
ALTER TABLE "Period" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Period" ALTER COLUMN "status" TYPE "PeriodStatus" USING ("status"::"PeriodStatus");
ALTER TABLE "Period" ALTER COLUMN "status" SET DEFAULT 'open';

-- AlterTable
ALTER TABLE "Submission" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Submission" ALTER COLUMN "status" TYPE "SubmissionStatus" USING ("status"::"SubmissionStatus");
ALTER TABLE "Submission" ALTER COLUMN "status" SET DEFAULT 'draft';

-- AlterTable
ALTER TABLE "Answer" ALTER COLUMN "status" TYPE "AnswerStatus" USING ("status"::"AnswerStatus");

-- AlterTable
ALTER TABLE "Outbox" ALTER COLUMN "kind" TYPE "OutboxKind" USING ("kind"::"OutboxKind");

-- AlterTable
ALTER TABLE "Outbox" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "Outbox" ALTER COLUMN "status" TYPE "OutboxStatus" USING ("status"::"OutboxStatus");
ALTER TABLE "Outbox" ALTER COLUMN "status" SET DEFAULT 'pending';
