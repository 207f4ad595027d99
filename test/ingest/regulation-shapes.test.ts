// A regulation issued with a decision, in the shapes real 2025 regulations have (test/ingest/fixtures/ha-tinh-2025-…):
// articles "Trách nhiệm (của) <a body the registry does not know>", headings wrapped over two lines, a reference
// "Phần V của Phụ lục I" wrapped to the start of a line, and duties whose subject follows a time clause.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, tasksIn } from './helpers.ts';

const name = 'ha-tinh-2025-quy-che-trach-nhiem-cac-ben.md';
const docs = parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'), name);
const rules = docs[1]!;
const who = (path: string) => tasksIn(rules, path).map((t) => [...t.leads.map((l) => l.asWritten), t.addressee].filter(Boolean));

describe('Quy chế: who is responsible for each clause', () => {
  it('an article for a body named by its role owns its clauses, whatever the registry knows', () => {
    expect(who('Chương II.Điều 2.1')).toEqual([['Cơ quan có chức năng quản lý đất đai cấp xã']]);
    expect(who('Chương II.Điều 2.3')).toEqual([['Cơ quan có chức năng quản lý đất đai cấp xã']]);
    expect(who('Chương II.Điều 5')).toEqual([['Đơn vị, tổ chức thực hiện nhiệm vụ bồi thường, giải phóng mặt bằng']]);
    expect(tasksIn(rules, 'Chương II.Điều 5')[0]?.deadline).toBe(
      'Trong thời gian 05 ngày làm việc kể từ ngày nhận được Giấy chứng nhận do người sử dụng đất nộp',
    );
  });

  it('"Phần V của Phụ lục I" at the start of a line is a reference, not a new part', () => {
    expect(rules.sections.some((s) => s.path.startsWith('Phần'))).toBe(false);
    expect(tasksIn(rules, 'Chương II.Điều 2.2')[0]?.text).toContain('theo mẫu quy định tại Phần V của Phụ lục I');
  });

  it('"Trách nhiệm Văn phòng …" without "của" owns its clauses', () => {
    expect(who('Chương II.Điều 3.1')).toEqual([['Văn phòng Ủy ban nhân dân tỉnh']]);
    expect(who('Chương II.Điều 3.2')).toEqual([['Văn phòng Ủy ban nhân dân tỉnh']]);
  });

  it('a clause whose first line was taken for a heading keeps its whole sentence', () => {
    expect(tasksIn(rules, 'Chương II.Điều 4.2')[0]?.text).toMatch(
      /^Thực hiện niêm yết công khai về việc làm thủ tục cấp lại Giấy chứng nhận Đăng ký đất đai/u,
    );
  });

  it('a subject after a time clause leads ("Chậm nhất là 15 ngày trước …, Sở X tổng hợp"; "Định kỳ 06 tháng, Sở Y báo cáo")', () => {
    expect(who('Chương II.Điều 6.1')).toEqual([['Sở Nông nghiệp và Môi trường']]);
    expect(who('Chương II.Điều 6.2')).toEqual([['Sở Tài chính']]);
    expect(tasksIn(rules, 'Chương II.Điều 6.2')[0]?.deadline).toBe('Định kỳ 06 tháng');
  });
});
