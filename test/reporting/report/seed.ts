// Seeds reporting data for report tests and the report benchmark.
// `seedSmall`: four agencies of Cà Mau, one regime with percent / count / money figures and a task status item,
// two quarters; in 2026-Q4 one agency submits on time, one late (with a skipped answer and an outlier note),
// one on time, one only saves a draft. `seedLarge`: N agencies × M items with generated values.
import type { Db } from '../../../src/db/client.ts';
import type { AnswerState, TaskStatus } from '../../../src/core/types.ts';

export const REGIME_CODE = 'KH-CDS-2026';
export const Q3 = {
  key: '2026-Q3',
  startsAt: new Date('2026-06-30T17:00:00Z'),
  endsAt: new Date('2026-09-30T16:59:59Z'),
  deadline: new Date('2026-10-10T16:59:59Z'),
};
export const Q4 = {
  key: '2026-Q4',
  startsAt: new Date('2026-09-30T17:00:00Z'),
  endsAt: new Date('2026-12-31T16:59:59Z'),
  deadline: new Date('2027-01-10T16:59:59Z'),
};

export const AGENCIES = [
  { key: 'so-tc@ca-mau', baseKey: 'so-tc', name: 'Sở Tài chính', kind: 'so' },
  { key: 'ubnd-cai-nuoc@ca-mau', baseKey: 'ubnd-cai-nuoc', name: 'UBND huyện Cái Nước', kind: 'ubnd-huyen' },
  { key: 'ubnd-dam-doi@ca-mau', baseKey: 'ubnd-dam-doi', name: 'UBND huyện Đầm Dơi', kind: 'ubnd-huyen' },
  { key: 'ubnd-nam-can@ca-mau', baseKey: 'ubnd-nam-can', name: 'UBND huyện Năm Căn', kind: 'ubnd-huyen' },
] as const;

export const ITEMS = [
  {
    kind: 'figure',
    label: 'Tỷ lệ hồ sơ giải quyết trực tuyến',
    unit: '%',
    valueKind: 'percent',
    targetText: '≥ 90%',
    targetValue: 90,
    targetYear: 2026,
  },
  {
    kind: 'figure',
    label: 'Số điểm Wi-Fi công cộng',
    unit: 'điểm',
    valueKind: 'count',
    targetText: '10 điểm',
    targetValue: 10,
    targetYear: 2026,
  },
  {
    kind: 'figure',
    label: 'Kinh phí chi cho chuyển đổi số',
    unit: 'triệu đồng',
    valueKind: 'money',
    targetText: null,
    targetValue: null,
    targetYear: null,
  },
  {
    kind: 'task_status',
    label: 'Triển khai nền tảng họp trực tuyến',
    unit: null,
    valueKind: null,
    targetText: 'Hoàn thành trong năm 2026',
    targetValue: null,
    targetYear: 2026,
  },
] as const;

type AnswerSeed = { value?: number; status?: TaskStatus; percentDone?: number; note?: string; skipped?: boolean } | null;

/** Values per agency (rows) and item (columns). */
const Q3_ANSWERS: AnswerSeed[][] = [
  [{ value: 70 }, { value: 5 }, { value: 100 }, { status: 'dang_trien_khai', percentDone: 50 }],
  [{ value: 80 }, { value: 4 }, { value: 200 }, { status: 'chua_trien_khai' }],
  [{ value: 60 }, { value: 2 }, { value: 50 }, { status: 'chua_trien_khai' }],
  [{ value: 50 }, { value: 1 }, { value: 10 }, { status: 'chua_trien_khai' }],
];
const Q4_ANSWERS: AnswerSeed[][] = [
  [{ value: 85 }, { value: 6 }, { value: 120 }, { status: 'hoan_thanh', note: 'Đã vận hành từ tháng 11' }],
  [
    { value: 90 },
    { value: 20, note: 'Giải trình: lắp thêm 16 điểm từ dự án xã hội hóa' },
    { skipped: true },
    { status: 'dang_trien_khai', percentDone: 60, note: 'Đang lắp đặt thiết bị' },
  ],
  [{ value: 95 }, { value: 3 }, { value: 80 }, { status: 'chua_trien_khai', note: 'Chờ bố trí kinh phí' }],
  [{ value: 40 }, null, null, null],
];
/** Submission per agency in Q4: submittedAt, or 'draft'. */
const Q4_SUBMITTED: (Date | 'draft')[] = [
  new Date('2027-01-08T03:00:00Z'), // on time
  new Date('2027-01-13T02:00:00Z'), // 3 days late
  new Date('2027-01-10T09:00:00Z'), // on time (same day as the deadline, Vietnam time)
  'draft',
];

export interface SmallSeed {
  regimeId: number;
  agencyIds: number[];
  periodIds: { q3: number; q4: number };
}

export async function seedSmall(db: Db): Promise<SmallSeed> {
  const agencyIds: number[] = [];
  for (const a of AGENCIES) agencyIds.push((await db.agency.create({ data: { ...a, province: 'Cà Mau' } })).id);
  const regime = await db.regime.create({
    data: {
      code: REGIME_CODE,
      name: 'Kế hoạch chuyển đổi số năm 2026',
      frequency: 'quarter',
      province: 'Cà Mau',
      receivingBody: 'UBND tỉnh Cà Mau',
    },
  });
  const itemIds: number[][] = [];
  for (const [ai, agencyId] of agencyIds.entries()) {
    itemIds[ai] = [];
    for (const [ii, it] of ITEMS.entries()) {
      const row = await db.regimeItem.create({ data: { ...it, regimeId: regime.id, ord: ii + 1, agencyId } });
      itemIds[ai]!.push(row.id);
    }
  }
  const q3 = await db.period.create({ data: { ...Q3, regimeId: regime.id, locksAt: new Date('2026-11-10T00:00:00Z'), status: 'locked' } });
  const q4 = await db.period.create({ data: { ...Q4, regimeId: regime.id, locksAt: new Date('2027-02-10T00:00:00Z') } });
  for (const [ai, agencyId] of agencyIds.entries()) {
    await addSubmission(db, q3.id, agencyId, new Date('2026-10-05T02:00:00Z'), itemIds[ai]!, Q3_ANSWERS[ai]!);
    await addSubmission(db, q4.id, agencyId, Q4_SUBMITTED[ai]!, itemIds[ai]!, Q4_ANSWERS[ai]!);
  }
  return { regimeId: regime.id, agencyIds, periodIds: { q3: q3.id, q4: q4.id } };
}

async function addSubmission(
  db: Db,
  periodId: number,
  agencyId: number,
  at: Date | 'draft',
  itemIds: number[],
  answers: AnswerSeed[],
): Promise<void> {
  const sub = await db.submission.create({
    data: { periodId, agencyId, status: at === 'draft' ? 'draft' : 'submitted', submittedAt: at === 'draft' ? null : at },
  });
  for (const [i, a] of answers.entries()) {
    if (!a) continue;
    await db.answer.create({
      data: {
        submissionId: sub.id,
        itemId: itemIds[i]!,
        value: a.value ?? null,
        valueText: a.value !== undefined ? String(a.value).replace('.', ',') : null,
        status: a.status ?? null,
        percentDone: a.percentDone ?? null,
        note: a.note ?? null,
        skipped: a.skipped ?? false,
      },
    });
  }
}

/** N agencies × M items (every 5th a task status), two quarters, ~90% submitted, a few late, values varied. */
export async function seedLarge(db: Db, agencies: number, items: number): Promise<{ regimeCode: string }> {
  await db.agency.createMany({
    data: Array.from({ length: agencies }, (_, i) => ({
      key: `dv-${i + 1}@ca-mau`,
      baseKey: `dv-${i + 1}`,
      name: `UBND xã Đơn vị số ${i + 1}`,
      kind: 'ubnd-xa',
      province: 'Cà Mau',
    })),
  });
  const ags = await db.agency.findMany({ where: { key: { endsWith: '@ca-mau' } }, orderBy: { id: 'asc' } });
  const regime = await db.regime.create({
    data: { code: 'BENCH', name: 'Kế hoạch chuyển đổi số năm 2026', frequency: 'quarter', province: 'Cà Mau' },
  });
  const kindOf = (j: number) => (['percent', 'count', 'money', 'ratio'] as const)[j % 4];
  await db.regimeItem.createMany({
    data: ags.flatMap((a) =>
      Array.from({ length: items }, (_, j) => {
        const task = j % 5 === 4;
        const vk = kindOf(j);
        return {
          regimeId: regime.id,
          ord: j + 1,
          kind: task ? 'task_status' : 'figure',
          label: task ? `Nhiệm vụ số ${j + 1}: triển khai ứng dụng công nghệ thông tin` : `Chỉ tiêu số ${j + 1} về chuyển đổi số`,
          unit: task ? null : vk === 'percent' ? '%' : vk === 'money' ? 'triệu đồng' : vk === 'count' ? 'hồ sơ' : 'thuê bao/100 dân',
          valueKind: task ? null : vk,
          targetValue: task ? null : vk === 'percent' ? 90 : 100,
          targetText: task ? null : vk === 'percent' ? '90%' : '100',
          targetYear: 2026,
          agencyId: a.id,
        };
      }),
    ),
  });
  const its = await db.regimeItem.findMany({ where: { regimeId: regime.id }, orderBy: { id: 'asc' } });
  const q3 = await db.period.create({ data: { ...Q3, regimeId: regime.id, locksAt: Q4.startsAt, status: 'locked' } });
  const q4 = await db.period.create({ data: { ...Q4, regimeId: regime.id, locksAt: new Date('2027-02-10T00:00:00Z') } });
  const isPercent = new Set(its.filter((it) => it.valueKind === 'percent').map((it) => it.id));
  for (const [pi, p] of [q3, q4].entries()) {
    await db.submission.createMany({
      data: ags.map((a, i) => ({
        periodId: p.id,
        agencyId: a.id,
        status: pi === 1 && i % 10 === 9 ? 'draft' : 'submitted',
        submittedAt: pi === 1 && i % 10 === 9 ? null : new Date(p.deadline.getTime() + (i % 7 === 3 ? 2 : -2) * 86_400_000),
      })),
    });
    const subs = await db.submission.findMany({ where: { periodId: p.id } });
    const subOf = new Map(subs.map((s) => [s.agencyId, s.id]));
    await db.answer.createMany({
      data: its.map((it, k) => ({
        submissionId: subOf.get(it.agencyId)!,
        itemId: it.id,
        // Q4 close to Q3, except every 97th answer (×5, with an explanation): a realistic handful of outliers.
        value:
          it.kind === 'figure'
            ? Math.min(isPercent.has(it.id) ? 100 : Infinity, (((k * 37) % 100) + 1) * (pi === 0 ? 1 : k % 97 === 0 ? 5 : 1 + (k % 7) / 20))
            : null,
        status: it.kind === 'figure' ? null : (['chua_trien_khai', 'dang_trien_khai', 'hoan_thanh'] as const)[k % 3],
        note: k % 97 === 0 ? 'Giải trình: số liệu tăng do bổ sung nguồn mới' : null,
        skipped: k % 53 === 0,
      })),
    });
  }
  return { regimeCode: regime.code };
}

/** Free-text items of the small seed, one per agency each; the label says which report section it fills. */
export const TEXT_ITEMS = [
  'Khó khăn, vướng mắc',
  'Nhiệm vụ, giải pháp trong thời gian tới',
  'Kiến nghị, đề xuất',
  'Kết quả nổi bật khác',
] as const;

/** Q4 answers per agency (rows) and text item (columns); a state is [status, reason]. */
const TEXT_ANSWERS: (string | [AnswerState, string] | null)[][] = [
  ['Thiếu nhân lực chuyên trách công nghệ thông tin.', 'Tập huấn kỹ năng số cho công chức.', 'Đề nghị bố trí kinh phí năm 2027.', null],
  [
    'Hạ tầng mạng ở các xã vùng sâu còn yếu.',
    null,
    ['not_applicable', 'Đơn vị không có kiến nghị kỳ này'],
    'Hoàn thành số hóa sổ hộ tịch.',
  ],
  [null, 'Mở rộng Wi-Fi công cộng.', null, null],
  ['Chưa có cán bộ phụ trách.', null, null, null], // Năm Căn only saved a draft
];

/**
 * Adds to `seedSmall` the four text items (answered in Q4) and a figure and a task answered with a state:
 * "Số hồ sơ được số hóa" — Sở Tài chính 120, Cái Nước "chưa có số liệu", Đầm Dơi "không áp dụng";
 * "Số hóa hồ sơ lưu trữ" — Sở Tài chính done, Cái Nước "không áp dụng".
 */
export async function seedTextsAndStates(db: Db, seed: SmallSeed): Promise<void> {
  const regime = await db.regime.findUniqueOrThrow({ where: { id: seed.regimeId }, include: { items: true } });
  let ord = regime.items.length;
  const subOf = async (agencyId: number) =>
    db.submission.findFirstOrThrow({ where: { periodId: seed.periodIds.q4, agencyId } }).then((s) => s.id);
  for (const [ai, agencyId] of seed.agencyIds.entries()) {
    const submissionId = await subOf(agencyId);
    for (const [ti, label] of TEXT_ITEMS.entries()) {
      const item = await db.regimeItem.create({ data: { regimeId: seed.regimeId, ord: ++ord, kind: 'text', label, agencyId } });
      const a = TEXT_ANSWERS[ai]![ti];
      if (a === null || a === undefined) continue;
      const state = Array.isArray(a) ? a : null;
      await db.answer.create({
        data: {
          submissionId,
          itemId: item.id,
          valueText: state ? null : (a as string),
          status: state?.[0] ?? null,
          note: state?.[1] ?? null,
        },
      });
    }
    const fig = await db.regimeItem.create({
      data: {
        regimeId: seed.regimeId,
        ord: ++ord,
        kind: 'figure',
        label: 'Số hồ sơ được số hóa',
        unit: 'hồ sơ',
        valueKind: 'count',
        agencyId,
      },
    });
    const task = await db.regimeItem.create({
      data: { regimeId: seed.regimeId, ord: ++ord, kind: 'task_status', label: 'Số hóa hồ sơ lưu trữ', agencyId },
    });
    const figAnswer = [
      { value: 120 },
      { status: 'no_data' as const, note: 'Phần mềm chưa thống kê được' },
      { status: 'not_applicable' as const, note: 'Không có bộ phận một cửa' },
    ][ai];
    if (figAnswer) await db.answer.create({ data: { submissionId, itemId: fig.id, ...figAnswer } });
    const taskAnswer = [{ status: 'hoan_thanh' as const }, { status: 'not_applicable' as const, note: 'Không có kho lưu trữ' }][ai];
    if (taskAnswer) await db.answer.create({ data: { submissionId, itemId: task.id, ...taskAnswer } });
  }
}
