// Answers that are not one plain figure (issue 18): states with a reason, last period's value, a status with its
// progress, numbers in words, plausibility against the target, lũy kế and totals, several answers at once, free text.
import { describe, expect, it } from 'vitest';
import { converse, ctx, item } from './engine-harness.ts';

const saves = (effects: unknown[]) =>
  effects.filter(
    (e): e is { kind: 'saveAnswer'; itemId: number; values: Record<string, unknown> } => (e as { kind: string }).kind === 'saveAnswer',
  );

describe('states instead of a figure', () => {
  it('"chưa có số liệu" is stored as its own state with the reason asked, not as "bỏ qua"', () => {
    const c = ctx();
    const r = converse(c, ['chưa có số liệu', 'Cục Thống kê chưa công bố']);
    expect(saves(r.effects)[0]!.values).toMatchObject({ status: 'no_data', value: null, skipped: false });
    expect(r.transcript).toContain('Đã ghi câu 1: chưa có số liệu.');
    expect(r.transcript).toContain('Lý do (ngắn), để cơ quan tổng hợp biết? (hoặc "bỏ qua")');
    expect(c.answers[101]).toMatchObject({ status: 'no_data', note: 'Cục Thống kê chưa công bố', skipped: false });
    expect(r.last).toContain('Câu 2/3');
  });

  it('"không áp dụng vì …" keeps the reason typed in the same message and moves on', () => {
    const c = ctx();
    const r = converse(c, ['không áp dụng vì sở không quản lý chỉ tiêu này']);
    expect(c.answers[101]).toMatchObject({ status: 'not_applicable', note: 'sở không quản lý chỉ tiêu này' });
    expect(r.transcript).toContain('Đã ghi câu 1: không áp dụng (sở không quản lý chỉ tiêu này).');
    expect(r.last).toContain('Câu 2/3');
  });

  it('the summary shows the state and its reason; the item counts as answered at "gửi"', () => {
    const c = ctx({ items: [item(1)] });
    const r = converse(c, ['chưa có số liệu do chưa tổng hợp xong', 'gửi']);
    expect(r.transcript.join('\n')).toContain('1. Chỉ tiêu 1: chưa có số liệu (chưa tổng hợp xong)');
    expect(r.transcript.join('\n')).not.toContain('câu chưa trả lời');
  });
});

describe('"như kỳ trước"', () => {
  it("offers last period's value and saves it once confirmed", () => {
    const c = ctx();
    const r = converse(c, ['như quý trước']);
    expect(r.last).toBe('Lấy lại số liệu kỳ trước cho câu 1 (Chỉ tiêu 1): 72%. Đúng không?');
    expect(saves(r.effects)).toEqual([]);
    const r2 = converse(c, ['như quý trước', 'đúng']);
    expect(c.answers[101]).toMatchObject({ value: 72, note: 'như kỳ trước' });
    expect(r2.transcript).toContain('Đã ghi câu 1: như kỳ trước, 72%.');
  });

  it("without last period's figure it says so and asks for the value", () => {
    const r = converse(ctx({ items: [item(1)] }), ['như kỳ trước']);
    expect(r.last).toMatch(/^Kỳ trước chưa có số liệu cho câu 1, nên không lấy lại được\. Xin nhập giá trị\.\nCâu 1\/1/);
    expect(r.effects).toEqual([]);
  });
});

describe('figures as people type them in the form', () => {
  it('"mười sáu nghìn" for a count', () => {
    const c = ctx({ items: [item(1, { valueKind: 'count', unit: 'hộ' })] });
    converse(c, ['mười sáu nghìn']);
    expect(c.answers[101]).toMatchObject({ value: 16000 });
  });

  it('"đang triển khai, đạt khoảng 70%" for a task: the status and its progress in one message', () => {
    const c = ctx({ items: [item(1, { kind: 'task_status', valueKind: null, unit: null }), item(2)] });
    const r = converse(c, ['đang triển khai, đạt khoảng 70%']);
    expect(c.answers[101]).toMatchObject({ status: 'dang_trien_khai', percentDone: 70 });
    expect(r.transcript).toContain('Đã ghi câu 1: Đang triển khai, hoàn thành khoảng 70%.');
    expect(r.last).toBe('Ghi chú ngắn về kết quả/vướng mắc? (hoặc "bỏ qua")');
  });
});

describe('plausibility: each confirmation says why in one line', () => {
  it('"khoảng 90%" against a target of 10–15% is confirmed before it is saved', () => {
    const c = ctx({ items: [item(1, { label: 'Tỷ lệ hộ gia đình có máy tính', targetText: '10–15%', targetValue: 10 })] });
    const r = converse(c, ['khoảng 90%']);
    // compared with the high end of the range: 90 / 15
    expect(r.last).toBe('90% cao gấp 6 lần mục tiêu (10–15%). Số này có đúng không?');
    expect(saves(r.effects)).toEqual([]);
    const r2 = converse(c, ['khoảng 90%', 'nhập lại', '12']);
    expect(c.answers[101]).toMatchObject({ value: 12 });
    expect(saves(r2.effects)).toHaveLength(1);
  });

  it('a lũy kế figure that falls (7.500 → 2.500) is questioned', () => {
    const lk = item(1, {
      label: 'Số hồ sơ trực tuyến lũy kế',
      valueKind: 'count',
      unit: 'hồ sơ',
      cumulative: true,
      prev: { value: 7500, status: null, percentDone: null },
    });
    const r = converse(ctx({ items: [lk] }), ['2.500']);
    expect(r.last).toBe('Chỉ tiêu lũy kế không giảm qua các kỳ, nhưng 2.500 hồ sơ thấp hơn kỳ trước (7.500 hồ sơ). Số này có đúng không?');
  });

  it('a part above its total, and parts that do not add up to the total', () => {
    const money = { valueKind: 'money' as const, unit: 'tỷ đồng' };
    const items = [
      item(1, { ...money, label: 'Tổng kinh phí', key: 'tong' }),
      item(2, { ...money, label: 'Ngân sách tỉnh', partOf: 'tong' }),
      item(3, { ...money, label: 'Xã hội hóa', partOf: 'tong' }),
    ];
    const c = ctx({ items });
    const r = converse(c, ['8', '9']);
    expect(r.last).toBe('Câu 2 (9 tỷ đồng) là một phần của câu 1 nhưng lớn hơn tổng (8 tỷ đồng). Số này có đúng không?');
    const c2 = ctx({ items });
    const r2 = converse(c2, ['8', '6', '2,5']);
    expect(r2.last).toBe('Các phần (câu 2, 3: 6 + 2,5 = 8,5 tỷ đồng) không khớp tổng ở câu 1 (8 tỷ đồng). Số này có đúng không?');
    const c3 = ctx({ items });
    converse(c3, ['8', '6', '2']);
    expect(c3.answers[103]).toMatchObject({ value: 2 });
  });
});

describe('several answers in one message', () => {
  const items = () => [
    item(1),
    item(2, { valueKind: 'count', unit: 'doanh nghiệp' }),
    item(3, { kind: 'task_status', valueKind: null, unit: null }),
  ];

  it('"1. 46 / 2. 17.000" is shown back and saved once confirmed', () => {
    const c = ctx({ items: items() });
    const r = converse(c, ['1. 46 / 2. 17.000']);
    expect(r.last).toBe(
      'Tôi hiểu 2 câu trả lời:\n• Câu 1. Chỉ tiêu 1: 46%\n• Câu 2. Chỉ tiêu 2: 17.000 doanh nghiệp\nLưu 2 câu trả lời trên?',
    );
    expect(saves(r.effects)).toEqual([]);
    const r2 = converse(ctx({ items: items() }), ['1: 46; 2: 17.000; 3: hoàn thành', 'có']);
    expect(saves(r2.effects).map((e) => [e.itemId, e.values.value ?? e.values.status])).toEqual([
      [101, 46],
      [102, 17000],
      [103, 'hoan_thanh'],
    ]);
    expect(r2.transcript).toContain('Đã ghi 3 câu: 1, 2, 3.');
  });

  it('one per line, in the order of the questions, and what was not understood is named with the reason', () => {
    const c = ctx({ items: items() });
    const r = converse(c, ['46\n17,5']);
    expect(r.last).toContain('• Câu 1. Chỉ tiêu 1: 46%');
    expect(r.last).toContain(
      'Chưa ghi được:\n• Câu 2 ("17,5"): Chỉ tiêu này là số đếm nên phải là số nguyên; bạn nhập 17,5. Xin nhập lại.',
    );
    expect(r.last).toContain('Lưu 1 câu trả lời trên?');
  });

  it('"1.728" alone is one figure, not item 1 = 728', () => {
    const c = ctx({ items: items() });
    converse(c, ['1.728']);
    expect(c.answers[101]).toMatchObject({ value: 1.728 });
  });
});

describe('free-text items', () => {
  const text = (n: number) => item(n, { kind: 'text', label: 'Khó khăn, vướng mắc', valueKind: null, unit: null });

  it('asks for text and keeps what is typed, whole', () => {
    const c = ctx({ items: [text(1), item(2)] });
    const r = converse(c, ['Thiếu kinh phí; 1) chưa có máy chủ, 2) thiếu nhân lực']);
    expect(r.transcript[1]).toBe(
      'Câu 1/2. Khó khăn, vướng mắc?\n(Viết nội dung trong một tin nhắn; "không có" nếu không có gì, "bỏ qua" để trả lời sau.)',
    );
    expect(c.answers[101]).toMatchObject({ valueText: 'Thiếu kinh phí; 1) chưa có máy chủ, 2) thiếu nhân lực', value: null });
    expect(r.last).toContain('Câu 2/2');
  });

  it('a question typed there is asked about, not saved as the answer', () => {
    const c = ctx({ items: [text(1)], isQuestion: () => true });
    const r = converse(c, ['sở nào phối hợp với sở gd&đt?']);
    expect(r.last).toBe('Đây là ghi chú cho câu 1, hay bạn muốn hỏi?');
    expect(saves(r.effects)).toEqual([]);
  });

  it('so is one without its question mark, when it opens like a question ("ai chủ trì …"), but not a plain answer', () => {
    const c = ctx({ items: [text(1)], isQuestion: () => true });
    const r = converse(c, ['ai chủ trì xây dựng cơ sở dữ liệu']);
    expect(r.last).toBe('Đây là ghi chú cho câu 1, hay bạn muốn hỏi?');
    expect(saves(r.effects)).toEqual([]);
    const plain = ctx({ items: [text(1)], isQuestion: () => true });
    converse(plain, ['Nhiệm vụ xây dựng cơ sở dữ liệu chưa có kinh phí']);
    expect(plain.answers[101]).toMatchObject({ valueText: 'Nhiệm vụ xây dựng cơ sở dữ liệu chưa có kinh phí' });
  });
});

describe('a state replaced by a figure', () => {
  it('"chưa có số liệu" then "sửa 1 80": the figure replaces the state', () => {
    const c = ctx({ items: [item(1)] });
    converse(c, ['chưa có số liệu vì chưa tổng hợp', 'sửa 1 80']);
    expect(c.answers[101]).toMatchObject({ value: 80, status: null });
  });
});

describe('an estimate reads the same everywhere', () => {
  it('"khoảng 92" is acknowledged and summarised as "khoảng 92%", not "92% (ước tính)" or a raw note', () => {
    const c = ctx({ items: [item(1)] });
    const r = converse(c, ['khoảng 92', 'xem']);
    expect(r.transcript).toContain('Đã ghi câu 1: khoảng 92%.');
    expect(r.transcript.join('\n')).toContain('1. Chỉ tiêu 1: khoảng 92%');
    expect(r.transcript.join('\n')).not.toContain('số ước tính (khoảng)');
    expect(c.answers[101]).toMatchObject({ value: 92, note: 'số ước tính (khoảng)' });
  });

  it('"trên 60" keeps its own word', () => {
    const r = converse(ctx({ items: [item(1)] }), ['trên 60']);
    expect(r.transcript).toContain('Đã ghi câu 1: trên 60%.');
  });
});

describe('a target written as a range', () => {
  it('is compared by its high end: 35% against 10–15% is 2.3 times, under the factor, and saved at once', () => {
    const c = ctx({ items: [item(1, { label: 'Tỷ lệ hộ gia đình có máy tính', targetText: '10–15%', targetValue: 10 })] });
    const r = converse(c, ['35']);
    expect(r.transcript).toContain('Đã ghi câu 1: 35%.');
    expect(c.answers[101]).toMatchObject({ value: 35 });
  });
});
