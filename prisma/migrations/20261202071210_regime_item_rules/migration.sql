-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_RegimeItem" (
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
    "key" TEXT,
    "partOf" TEXT,
    "cumulative" BOOLEAN NOT NULL DEFAULT false,
    "agencyId" INTEGER NOT NULL,
    "indicatorId" INTEGER,
    "taskId" INTEGER,
    CONSTRAINT "RegimeItem_regimeId_fkey" FOREIGN KEY ("regimeId") REFERENCES "Regime" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "RegimeItem_agencyId_fkey" FOREIGN KEY ("agencyId") REFERENCES "Agency" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RegimeItem_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator" ("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "RegimeItem_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_RegimeItem" ("agencyId", "id", "indicatorId", "kind", "label", "max", "min", "ord", "regimeId", "targetText", "targetValue", "targetYear", "taskId", "unit", "valueKind") SELECT "agencyId", "id", "indicatorId", "kind", "label", "max", "min", "ord", "regimeId", "targetText", "targetValue", "targetYear", "taskId", "unit", "valueKind" FROM "RegimeItem";
DROP TABLE "RegimeItem";
ALTER TABLE "new_RegimeItem" RENAME TO "RegimeItem";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
