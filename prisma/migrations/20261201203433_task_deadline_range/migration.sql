-- AlterTable
ALTER TABLE "Task" ADD COLUMN "deadlineEnd" TEXT;
ALTER TABLE "Task" ADD COLUMN "deadlineStart" TEXT;
