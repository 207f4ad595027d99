-- CreateTable
CREATE TABLE "Document" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "type" TEXT NOT NULL,
    "number" TEXT,
    "numberKey" TEXT,
    "issuer" TEXT,
    "province" TEXT,
    "issueDate" TEXT,
    "year" INTEGER,
    "signer" TEXT,
    "title" TEXT NOT NULL,
    "period" TEXT,
    "sourceFile" TEXT NOT NULL,
    "partIndex" INTEGER NOT NULL DEFAULT 0,
    "contentHash" TEXT NOT NULL,
    "approvesId" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Document_approvesId_fkey" FOREIGN KEY ("approvesId") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Section" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "documentId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "ord" INTEGER NOT NULL,
    "level" INTEGER NOT NULL,
    "label" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "heading" TEXT,
    "text" TEXT NOT NULL,
    CONSTRAINT "Section_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Section_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Agency" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "key" TEXT NOT NULL,
    "baseKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "province" TEXT,
    "successorId" INTEGER,
    "mergedYear" INTEGER,
    CONSTRAINT "Agency_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AgencyAlias" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "agencyId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "documentId" INTEGER,
    CONSTRAINT "AgencyAlias_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "AgencyAlias_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Task" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "documentId" INTEGER NOT NULL,
    "sectionId" INTEGER,
    "ord" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "addressee" TEXT,
    "deadline" TEXT,
    CONSTRAINT "Task_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Task_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "TaskAgency" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "taskId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "asWritten" TEXT NOT NULL,
    CONSTRAINT "TaskAgency_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "TaskAgency_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "documentId" INTEGER NOT NULL,
    "sectionId" INTEGER,
    "ord" INTEGER NOT NULL,
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "valueText" TEXT NOT NULL,
    "valueMin" REAL,
    "valueMax" REAL,
    "comparator" TEXT,
    "unit" TEXT,
    "kind" TEXT NOT NULL,
    "year" INTEGER,
    CONSTRAINT "Indicator_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Indicator_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "User" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "name" TEXT,
    "role" TEXT NOT NULL,
    "agencyId" INTEGER,
    "province" TEXT,
    "pausedUntil" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "User_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Identity" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "channel" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "chatId" TEXT,
    "userId" INTEGER NOT NULL,
    "lastSeenAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Identity_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "agencyId" INTEGER,
    "province" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "usedAt" DATETIME,
    "usedById" INTEGER,
    CONSTRAINT "Invite_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Session" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "data" TEXT NOT NULL,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "Regime" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "content" TEXT,
    "reportingBodies" TEXT,
    "receivingBody" TEXT,
    "method" TEXT,
    "frequency" TEXT NOT NULL,
    "cutoffDay" INTEGER NOT NULL DEFAULT 0,
    "deadlineDays" INTEGER NOT NULL DEFAULT 10,
    "lockAfterDays" INTEGER NOT NULL DEFAULT 30,
    "documentId" INTEGER,
    "province" TEXT,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Regime_documentId_fkey" FOREIGN KEY ("documentId") REFERENCES "Document" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RegimeItem" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regimeId" INTEGER NOT NULL,
    "ord" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "unit" TEXT,
    "valueKind" TEXT,
    "min" REAL,
    "max" REAL,
    "targetText" TEXT,
    "targetValue" REAL,
    "targetYear" INTEGER,
    "agencyId" INTEGER NOT NULL,
    "indicatorId" INTEGER,
    "taskId" INTEGER,
    CONSTRAINT "RegimeItem_regimeId_fkey" FOREIGN KEY ("regimeId") REFERENCES "Regime" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegimeItem_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RegimeItem_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "RegimeItem_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Period" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "regimeId" INTEGER NOT NULL,
    "key" TEXT NOT NULL,
    "startsAt" DATETIME NOT NULL,
    "endsAt" DATETIME NOT NULL,
    "deadline" DATETIME NOT NULL,
    "locksAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'open',
    "approvedBy" INTEGER,
    CONSTRAINT "Period_regimeId_fkey" FOREIGN KEY ("regimeId") REFERENCES "Regime" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "periodId" INTEGER NOT NULL,
    "agencyId" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'draft',
    "submittedAt" DATETIME,
    "submittedById" INTEGER,
    "reopenedAt" DATETIME,
    CONSTRAINT "Submission_periodId_fkey" FOREIGN KEY ("periodId") REFERENCES "Period" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Submission_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Answer" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "submissionId" INTEGER NOT NULL,
    "itemId" INTEGER NOT NULL,
    "value" REAL,
    "valueText" TEXT,
    "status" TEXT,
    "percentDone" REAL,
    "note" TEXT,
    "skipped" BOOLEAN NOT NULL DEFAULT false,
    "updatedAt" DATETIME NOT NULL,
    "updatedById" INTEGER,
    CONSTRAINT "Answer_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Answer_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "RegimeItem" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "userId" INTEGER,
    "channel" TEXT,
    "action" TEXT NOT NULL,
    "entity" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "oldValue" TEXT,
    "newValue" TEXT
);

-- CreateTable
CREATE TABLE "Outbox" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "dedupeKey" TEXT NOT NULL,
    "userId" INTEGER,
    "channel" TEXT,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "dueAt" DATETIME NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "sentAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Lease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "JobRun" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "lastRunAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE INDEX "Document_numberKey_idx" ON "Document"("numberKey");

-- CreateIndex
CREATE UNIQUE INDEX "Document_sourceFile_partIndex_key" ON "Document"("sourceFile", "partIndex");

-- CreateIndex
CREATE INDEX "Section_documentId_ord_idx" ON "Section"("documentId", "ord");

-- CreateIndex
CREATE UNIQUE INDEX "Agency_key_key" ON "Agency"("key");

-- CreateIndex
CREATE INDEX "Agency_baseKey_idx" ON "Agency"("baseKey");

-- CreateIndex
CREATE INDEX "AgencyAlias_normalized_idx" ON "AgencyAlias"("normalized");

-- CreateIndex
CREATE UNIQUE INDEX "AgencyAlias_normalized_agencyId_documentId_key" ON "AgencyAlias"("normalized", "agencyId", "documentId");

-- CreateIndex
CREATE UNIQUE INDEX "TaskAgency_taskId_agencyId_role_key" ON "TaskAgency"("taskId", "agencyId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Identity_channel_externalId_key" ON "Identity"("channel", "externalId");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_code_key" ON "Invite"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Regime_code_key" ON "Regime"("code");

-- CreateIndex
CREATE UNIQUE INDEX "Period_regimeId_key_key" ON "Period"("regimeId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_periodId_agencyId_key" ON "Submission"("periodId", "agencyId");

-- CreateIndex
CREATE UNIQUE INDEX "Answer_submissionId_itemId_key" ON "Answer"("submissionId", "itemId");

-- CreateIndex
CREATE INDEX "AuditLog_entity_entityId_idx" ON "AuditLog"("entity", "entityId");

-- CreateIndex
CREATE UNIQUE INDEX "Outbox_dedupeKey_key" ON "Outbox"("dedupeKey");

-- CreateIndex
CREATE INDEX "Outbox_status_dueAt_idx" ON "Outbox"("status", "dueAt");
