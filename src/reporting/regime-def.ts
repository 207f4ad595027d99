// The hand-editable shape of a reporting regime (Decree 09/2019/NĐ-CP fields), as YAML or JSON.
// `regime load/edit` reads it, `regime show` writes it; items are grouped by the agency that answers them.
// Every object is strict: a misspelt key (`valuekind:`) is refused with its line (regime-file.ts), never ignored.
import { z } from 'zod';

const num = z.number().finite().nullish();

/** Fields that only a figure has: a free-text item ("Khó khăn, vướng mắc") is answered in words. */
const FIGURE_ONLY = ['unit', 'valueKind', 'min', 'max', 'targetValue'] as const;

export const ItemDefSchema = z
  .strictObject({
    id: z.number().int().optional(), // present when exported from the database; keeps answers attached on edit
    label: z.string().trim().min(1),
    kind: z.enum(['figure', 'task_status', 'text']).default('figure'),
    unit: z.string().nullish(),
    valueKind: z.enum(['percent', 'count', 'money', 'ratio']).nullish(),
    min: num,
    max: num,
    targetText: z.string().nullish(),
    targetValue: num,
    targetYear: z.number().int().nullish(),
    indicatorId: z.number().int().nullish(),
    taskId: z.number().int().nullish(),
    // rules between answers of one agency's form: `partOf` names the `key` of the total this figure is a part of
    key: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9_-]*$/i, 'khóa (key) chỉ gồm chữ không dấu, số, gạch ngang')
      .nullish(),
    partOf: z.string().trim().min(1).nullish(),
    cumulative: z.boolean().nullish(), // lũy kế: must not fall below last period's value
  })
  .superRefine((it, ctx) => {
    if (it.kind !== 'text') return;
    for (const k of FIGURE_ONLY)
      if (it[k] != null)
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message: `mục dạng văn bản (kind: text) không có "${k}"`,
          params: { en: `a text item (kind: text) has no "${k}"` },
        });
  });

export const AgencyGroupSchema = z.strictObject({ agency: z.string().trim().min(1), items: z.array(ItemDefSchema).min(1) });

export const RegimeDefSchema = z
  .strictObject({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9._-]*$/i, 'mã chỉ gồm chữ, số, dấu chấm, gạch ngang'),
    name: z.string().trim().min(1),
    content: z.string().nullish(), // nội dung báo cáo
    receivingBody: z.string().nullish(), // cơ quan nhận báo cáo
    method: z.string().nullish(), // phương thức gửi, nhận báo cáo
    frequency: z.enum(['month', 'quarter', 'half-year', 'year']),
    cutoffDay: z.number().int().min(0).default(0), // thời gian chốt số liệu: days before period end
    deadlineDays: z.number().int().min(0).default(10), // thời hạn gửi báo cáo: days after period end
    lockAfterDays: z.number().int().min(0).default(30),
    province: z.string().nullish(),
    document: z.union([z.string(), z.number()]).nullish(), // number ("37/KH-STTTT") or id of the source document
    agencies: z.array(AgencyGroupSchema).min(1, 'chế độ báo cáo phải có ít nhất một cơ quan với chỉ tiêu'),
  })
  .superRefine((def, ctx) => {
    def.agencies.forEach((g, gi) => {
      const keys = new Map(g.items.filter((it) => it.key).map((it) => [it.key!, it]));
      g.items.forEach((it, ii) => {
        if (!it.partOf) return;
        const total = keys.get(it.partOf);
        const path = ['agencies', gi, 'items', ii, 'partOf'];
        if (!total)
          ctx.addIssue({
            code: 'custom',
            path,
            message: `partOf "${it.partOf}" không phải khóa (key) của chỉ tiêu nào của ${g.agency}`,
            params: { en: `partOf "${it.partOf}" is not the key of any item of ${g.agency}` },
          });
        else if (total === it || total.kind !== 'figure' || it.kind !== 'figure')
          ctx.addIssue({
            code: 'custom',
            path,
            message: 'partOf chỉ nối một chỉ tiêu số với chỉ tiêu tổng (cũng là số) khác',
            params: { en: 'partOf only joins a figure to another figure that is its total' },
          });
      });
    });
  });

/** The keys an object at `path` of a definition may have (root, an agency group, an item), for suggestions. */
export function keysAt(path: readonly PropertyKey[]): string[] {
  const schema = path.includes('items') ? ItemDefSchema : path.includes('agencies') ? AgencyGroupSchema : RegimeDefSchema;
  return Object.keys((schema as z.ZodObject).shape);
}

export type ItemDef = z.infer<typeof ItemDefSchema>;
export type RegimeDef = z.infer<typeof RegimeDefSchema>;
export type RegimeDefInput = z.input<typeof RegimeDefSchema>;

/** The English of the schema's fixed messages (a custom check gives its own as `params.en`), for a refusal in English. */
export const SCHEMA_MESSAGES_EN: ReadonlyMap<string, string> = new Map([
  ['khóa (key) chỉ gồm chữ không dấu, số, gạch ngang', 'a key has only unaccented letters, digits and hyphens'],
  ['mã chỉ gồm chữ, số, dấu chấm, gạch ngang', 'a code has only letters, digits, dots and hyphens'],
  ['chế độ báo cáo phải có ít nhất một cơ quan với chỉ tiêu', 'a reporting regime needs at least one agency with items'],
]);
