// Every parser warning is written in both languages: the Vietnamese as the importer has always written it, the
// English without Vietnamese words of its own (its parameters — an issuer, a period, quoted words — are data).
import { describe, expect, it } from 'vitest';
import { storedWarning, warningIn, warningTexts, type ParseWarning } from '../../src/core/parse-warnings.ts';
import { vietnameseLines } from '../helpers/vietnamese.ts';

const ALL: ParseWarning[] = [
  { code: 'issuer-from-body', issuer: 'UBND tỉnh Cà Mau' },
  { code: 'year-from-period', year: 2007, period: '2007 - 2010' },
  { code: 'no-date' },
  { code: 'no-number' },
  { code: 'cut-short', end: 'trình UBND tỉnh' },
  { code: 'tasks-failed', error: 'boom' },
  { code: 'targets-failed', error: 'boom' },
  { code: 'ocr', confidence: 71.5 },
  { code: 'doc-numbers-lost', install: 'apt-get install -y libreoffice-writer-nogui' },
];

describe('parser warnings', () => {
  it('are English in English, for every code', () => {
    const en = ALL.map((w) => warningIn('en', w));
    expect(vietnameseLines(en.join('\n'), ['UBND tỉnh Cà Mau', 'trình UBND tỉnh'])).toEqual([]);
    expect(en).toContain('Text read from a scan (OCR, confidence 71.5%): it may contain misspellings.');
  });

  it('are the importer’s Vietnamese sentences in Vietnamese', () => {
    expect(warningTexts(ALL.slice(0, 4))).toEqual([
      'Không có phần đầu văn bản: cơ quan ban hành "UBND tỉnh Cà Mau" suy ra từ nội dung.',
      'Không có ngày ban hành: năm 2007 suy ra từ giai đoạn 2007 - 2010.',
      'Không có ngày ban hành.',
      'Không có số hiệu văn bản.',
    ]);
  });

  it('stored as sentences (before the codes) are shown as they are; an unknown code by its code', () => {
    expect(warningIn('en', 'Không có số hiệu văn bản.')).toBe('Không có số hiệu văn bản.');
    expect([1, null, { code: 'later' }, 'x'].map(storedWarning)).toEqual([null, null, { code: 'later' }, 'x']);
    expect(warningIn('en', { code: 'later' } as unknown as ParseWarning)).toBe('later');
  });
});
