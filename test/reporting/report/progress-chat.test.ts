// Which messages ask about figures already reported (answered from the reports) rather than about what a document
// sets (answered from the knowledge base): a figure asked as it stands now is a reported one.
import { describe, expect, it } from 'vitest';
import type { App } from '../../../src/app.ts';
import type { BotUser } from '../../../src/conversation/ports.ts';
import { progressChat } from '../../../src/reporting/report/progress-chat.ts';

const official = { id: 1, role: 'official' } as unknown as BotUser;
const match = (text: string) => progressChat({} as App).match(text, official);

describe('questions on reported figures', () => {
  it.each([
    'ty le bv dung phan mem quan ly benh vien hien nay',
    'tổng vốn đã cấp cho cntt năm nay',
    'các chỉ tiêu nào chưa đạt mục tiêu',
    'tỷ lệ hộ gia đình có máy tính quý 3 là bao nhiêu',
  ])('%s → the reports', (q) => expect(match(q)).toBe(true));

  it.each([
    'Hiện trạng trạm BTS 3G/4G trong các KCN hiện nay thế nào?',
    'mục tiêu tỷ lệ hộ gia đình có máy tính năm 2025 là bao nhiêu',
    'nhiệm vụ nào quá hạn',
  ])('%s → the documents', (q) => expect(match(q)).toBe(false));
});
