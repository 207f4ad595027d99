-- CreateIndex
CREATE INDEX "RegimeItem_regimeId_agencyId_idx" ON "RegimeItem"("regimeId", "agencyId");
