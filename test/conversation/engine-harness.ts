// The pure engine driven like the runner drives it: a form context, inputs one after another, answers applied.
import { step } from '../../src/conversation/engine.ts';
import { emptyAnswer, emptySession, type FormContext, type FormItem, type Session } from '../../src/conversation/types.ts';

export const NOW = new Date('2027-01-05T02:00:00Z');

export function item(n: number, over: Partial<FormItem> = {}): FormItem {
  return {
    id: 100 + n,
    n,
    kind: 'figure',
    label: `Chỉ tiêu ${n}`,
    unit: '%',
    valueKind: 'percent',
    min: null,
    max: null,
    targetText: null,
    targetValue: null,
    targetYear: null,
    prev: null,
    ...over,
  };
}

export function ctx(over: Partial<FormContext> = {}): FormContext {
  return {
    user: {
      id: 1,
      name: 'An',
      role: 'official',
      province: 'Cà Mau',
      locale: 'vi',
      agency: { id: 7, key: 'so-tttt@ca-mau', baseKey: 'so-tttt', name: 'Sở Thông tin và Truyền thông', province: 'Cà Mau' },
    },
    channel: 'console',
    period: {
      id: 3,
      key: '2026-Q4',
      label: 'quý IV/2026',
      regimeCode: 'r',
      regimeName: 'Báo cáo CNTT',
      deadline: new Date('2027-01-10T16:59:59.999Z'),
      locksAt: new Date('2027-02-09T16:59:59.999Z'),
    },
    agency: { id: 7, name: 'Sở Thông tin và Truyền thông' },
    items: [
      item(1, { prev: { value: 72, status: null, percentDone: null } }),
      item(2, { valueKind: 'count', unit: 'doanh nghiệp' }),
      item(3, { kind: 'task_status', valueKind: null, unit: null }),
    ],
    answers: {},
    submission: null,
    lock: null,
    outlierFactor: 3,
    ...over,
  };
}

/** Feeds inputs one after another, like the runner, applying saveAnswer effects to the context. */
export function converse(c: FormContext, lines: string[], s: Session = emptySession()) {
  let session = s;
  const transcript: string[] = [];
  const effects: unknown[] = [];
  const r0 = step(session, { kind: 'start' }, NOW, c);
  session = r0.session;
  transcript.push(...r0.outbound.map((m) => m.text));
  for (const line of lines) {
    const r = step(session, { kind: 'text', text: line }, NOW, c);
    for (const e of r.effects) {
      effects.push(e);
      if (e.kind === 'saveAnswer')
        c.answers[e.itemId] = { ...emptyAnswer(), ...c.answers[e.itemId], ...e.values } as FormContext['answers'][number];
      if (e.kind === 'submit') c.submission = { status: 'submitted', submittedAt: NOW };
    }
    session = r.session;
    transcript.push(...r.outbound.map((m) => m.text));
  }
  return { session, transcript, effects, last: transcript[transcript.length - 1] ?? '' };
}
