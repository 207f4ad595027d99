// Questions as officials type them (issue: "understand what officials actually type"): metadata of a document,
// lists of documents, words that fold into stop words, an agency no task names, a weak match offered as readings
// rather than quoted, and deadlines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock.ts';
import { seeded, type Seeded } from './setup.ts';

const clock = new ManualClock(new Date('2026-12-01T03:00:00Z'));
let s: Seeded;
beforeAll(async () => {
  s = await seeded([], { clock });
}, 60_000);
afterAll(async () => s.close());
const ask = (q: string) => s.answerer.answer(q);

describe('about a document itself', () => {
  it.each([
    [
      'Quyết định 1578/QĐ-UBND do ai ký?',
      'Quyết định 1578/QĐ-UBND (UBND tỉnh Cà Mau, Cà Mau): ban hành ngày 26/10/2013; người ký: Nguyễn Tiến Hải.',
    ],
    [
      'kh 37 ban hanh ngay nao',
      'Kế hoạch 37/KH-STTTT (Sở Thông tin và Truyền thông tỉnh Cà Mau, Cà Mau): ban hành ngày 18/10/2013; người ký: Võ Quốc Việt.',
    ],
  ])('%s → its signer and date', async (q, start) => {
    const r = await ask(q);
    expect(r.intent).toBe('document');
    expect(r.reply.startsWith(start)).toBe(true);
  });

  it('lists documents: of a province, the newest first, of a year', async () => {
    const camau = await ask('Cà Mau có những văn bản nào');
    expect(camau.answers.map((a) => a.document.number)).toEqual(['1578/QĐ-UBND', '37/KH-STTTT']);
    const newest = await ask('van ban moi nhat');
    expect(newest.reply.split('\n')[0]).toBe('Tìm thấy 6 văn bản, mới nhất trước:');
    expect(newest.answers[0]!.document.number).toBe('3933/QĐ-UBND');
    const y2012 = await ask('vb nao ban hanh nam 2012');
    expect(y2012.answers.map((a) => a.document.number)).toEqual(['24-CT/TU']);
  });

  it('"có bao nhiêu chỉ thị" counts the documents of that type (it quoted a budget figure as the answer)', async () => {
    const ct = await ask('co bao nhieu chi thi');
    expect(ct.intent).toBe('document');
    expect(ct.reply.split('\n')[0]).toBe('Tìm thấy 3 văn bản:');
    expect(new Set(ct.answers.map((a) => a.document.type))).toEqual(new Set(['Chỉ thị']));
    const kh = await ask('có bao nhiêu kế hoạch');
    expect([kh.reply.split('\n')[0], kh.answers.map((a) => a.document.number)]).toEqual(['Tìm thấy 1 văn bản:', ['37/KH-STTTT']]);
    const qd = await ask('có bao nhiêu quyết định của Cần Thơ');
    expect(qd.answers.map((a) => a.document.number)).toEqual(['3933/QĐ-UBND']);
  });
});

describe('words that folding or the filters used to drop', () => {
  it('"quy hoạch" with no document of that type is searched as words', async () => {
    const r = await ask('quy hoach buu chinh');
    expect(r.intent).toBe('search');
    expect(r.answers[0]!.text).toMatch(/Quy hoạch phát triển bưu chính/);
  });

  it('"một cửa" is not the stop word "của", with or without diacritics', async () => {
    for (const q of ['một cửa', 'mot cua']) {
      const r = await ask(q);
      expect(r.answers[0]!.text).toMatch(/một cửa/);
    }
  });

  it('"số hóa" keeps "số"', async () => {
    const r = await ask('so hoa');
    expect(r.answers[0]!.text).toMatch(/số hóa/);
  });

  it('an agency no task names falls back to the passages about it', async () => {
    const r = await ask('cổng thông tin điện tử');
    expect(r.reply.split('\n')[0]).toBe(
      'Không tìm thấy nhiệm vụ nào ghi rõ giao cho Cổng Thông tin điện tử; các đoạn văn bản có nhắc đến Cổng Thông tin điện tử:',
    );
    expect(r.answers[0]!.text).toMatch(/Cổng Thông tin điện tử/);
  });
});

describe('an owner question no task answers', () => {
  it('says no task names the lead, and shows the passages about it instead of nothing', async () => {
    const r = await ask('ai chịu trách nhiệm lắp đặt điểm phát sóng wifi công cộng');
    expect(r.intent).toBe('owner');
    expect(r.reply.split('\n')[0]).toBe('Không tìm thấy nhiệm vụ nào ghi rõ cơ quan chủ trì việc này; các đoạn văn bản liên quan:');
    expect(r.answers[0]!.text).toMatch(/điểm phát sóng wifi công cộng/);
    expect(r.answers[0]!.agency).toBeNull();
  });
});

describe('a weak match is offered as readings, never quoted as the answer', () => {
  it('says what it understood and offers up to three readings', async () => {
    const r = await ask('phát triển du lịch biển đảo');
    expect(r.answers).toEqual([]);
    expect(r.confidence).toBeLessThan(0.6);
    expect(r.reply).toMatch(/^Tôi chưa chắc đã hiểu đúng câu hỏi/);
    expect(r.reply).not.toContain('«');
    expect(r.readings!.length).toBeGreaterThanOrEqual(2);
    expect(r.readings!.length).toBeLessThanOrEqual(3);
  });

  it('a well-matched question keeps its answer and says how sure', async () => {
    const r = await ask('ai chủ trì xây dựng kế hoạch phát triển thương mại điện tử quảng ngãi');
    expect(r.answers[0]!.agency).toBe('Sở Công Thương');
    expect(r.confidence).toBeGreaterThanOrEqual(0.6);
  });
});

describe('deadlines', () => {
  it('"quá hạn" lists tasks whose written deadline has passed, with it', async () => {
    const r = await ask('nhiem vu qua han');
    expect(r.intent).toBe('deadline');
    expect(r.reply.split('\n')[0]).toMatch(/^\d+ nhiệm vụ có thời hạn đã quá hạn \(trước 01\/12\/2026\)/);
    expect(r.reply).toMatch(/\[hạn: [^\]]+\]/);
    expect(r.answers.every((a) => a.deadline)).toBe(true);
  });

  it('a named document without deadlines says so; a topic quotes the passage giving the date', async () => {
    expect((await ask('chỉ thị 24 lào cai có hạn chót ko')).reply).toBe('Chỉ thị 24-CT/TU không ghi thời hạn cụ thể cho nhiệm vụ nào.');
    const r = await ask('dai truyen thanh quan huyen phai chuyen sang phat song so truoc ngay nao');
    expect(r.answers[0]!.text).toMatch(/31 tháng 12 năm 2015/);
  });
});
