-- CreateIndex
CREATE INDEX "Answer_itemId_idx" ON "Answer"("itemId");
