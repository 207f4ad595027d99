// One stored answer as coordinators read it in chat: an estimate keeps its word, a state its reason.
import { describe, expect, it } from 'vitest';
import { answerText, estimateNote, estimateQualifier } from '../../src/reporting/answer-text.ts';

const pct = { kind: 'figure', unit: '%', valueKind: 'percent' };
const count = { kind: 'figure', unit: 'hộ', valueKind: 'count' };
const stored = (o: Partial<Parameters<typeof answerText>[1] & object>) => ({
  value: null,
  valueText: null,
  status: null,
  percentDone: null,
  note: null,
  skipped: false,
  ...o,
});

describe('answerText', () => {
  it('shows an estimate with its word ("khoảng 80%", "trên 1.000 hộ"), an exact figure without', () => {
    expect(answerText(pct, stored({ value: 80, note: estimateNote() }))).toBe('khoảng 80%');
    expect(answerText(count, stored({ value: 1000, note: estimateNote('trên') }))).toBe('trên 1.000 hộ');
    expect(answerText(pct, stored({ value: 80, note: 'giải trình: thêm 2 xã' }))).toBe('80%');
  });

  it('reads the word back from the stored note, even after an explanation was added to it', () => {
    expect(estimateQualifier('số ước tính (gần); giải trình: số liệu sơ bộ')).toBe('gần');
    expect(estimateQualifier(null)).toBeNull();
  });

  it('a state with its reason, a skipped item as "bỏ qua", nothing as the default', () => {
    expect(answerText(pct, stored({ status: 'no_data', note: 'Cục Thống kê chưa công bố' }))).toBe(
      'chưa có số liệu (Cục Thống kê chưa công bố)',
    );
    expect(answerText(pct, stored({ skipped: true }))).toBe('bỏ qua');
    expect(answerText(pct, null)).toBe('chưa trả lời');
  });
});
