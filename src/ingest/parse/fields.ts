// Labelled fields under a task heading: "- Cơ quan chủ trì: Bộ Công an.", "*Đơn vị chủ trì thực hiện:* Sở Tư pháp",
// "Đơn vị phối hợp: …", "Thời gian thực hiện: Quý II/2026", "Kinh phí: …". Each label is a named pattern.

export type FieldKind = 'lead' | 'coordinators' | 'deadline' | 'content' | 'other';

const FIELDS: [FieldKind, RegExp][] = [
  ['coordinators', /^(?:cơ quan|đơn vị)(?:,\s*(?:cơ quan|đơn vị))?\s+phối hợp(?:\s+thực hiện)?$/iu],
  [
    'lead',
    /^(?:cơ quan|đơn vị)(?:,\s*(?:cơ quan|đơn vị))?\s+(?:chủ trì|thực hiện|đầu mối|chịu trách nhiệm)(?:\s+(?:thực hiện|chính|giải quyết|tham mưu))?$/iu,
  ],
  ['lead', /^(?:chủ trì|trách nhiệm thực hiện|phân công thực hiện)$/iu],
  ['coordinators', /^phối hợp$/iu],
  [
    'deadline',
    /^(?:thời gian|thời hạn|tiến độ|thời điểm)(?:\s+(?:thực hiện|hoàn thành|triển khai|ban hành|trình|báo cáo|dự kiến))*(?:\s+và\s+\p{L}+)?$/iu,
  ],
  ['content', /^(?:nội dung(?:\s+(?:thực hiện|công việc|chính))?|công việc)$/iu],
  [
    'other',
    /^(?:sản phẩm|kết quả|kinh phí|nguồn kinh phí|hình thức|yêu cầu|mục tiêu|phạm vi|đối tượng)(?:\s+(?:dự kiến|đầu ra|thực hiện))*$/iu,
  ],
];

export interface Field {
  kind: FieldKind;
  value: string;
}

/** "Cơ quan chủ trì: Bộ Công an." → {kind: 'lead', value: 'Bộ Công an'}; null when the text is not a field. */
export function fieldOf(text: string): Field | null {
  const t = text.replace(/^[*_\s]+/, '');
  const m = /^([^:]{2,45}?)\s*[*_]*\s*:\s*[*_]*\s*(.*)$/su.exec(t);
  if (!m) return null;
  const label = (m[1] as string).replace(/[*_]/g, '').trim();
  for (const [kind, re] of FIELDS)
    if (re.test(label))
      return {
        kind,
        value: (m[2] as string)
          .replace(/\s+/g, ' ')
          .replace(/[.;,]+$/, '')
          .trim(),
      };
  return null;
}

export function isFieldLine(text: string): boolean {
  return fieldOf(text) !== null;
}

/** The fields of a task's lines, first value of each kind; `content` and `other` lines joined. */
export function fieldsOf(lines: string[]): Partial<Record<FieldKind, string>> {
  const out: Partial<Record<FieldKind, string>> = {};
  for (const l of lines) {
    const f = fieldOf(l);
    if (!f || !f.value) continue;
    if (f.kind === 'content' || f.kind === 'other') out[f.kind] = out[f.kind] ? `${out[f.kind]}; ${f.value}` : f.value;
    else out[f.kind] ??= f.value;
  }
  return out;
}
