// The importer's words for one file's outcome, in the reader's language: the CLI's progress line ("nhập mới: 2 văn
// bản, 51 mục, 11 nhiệm vụ, 12 chỉ tiêu") and a chat upload's "replaced" counts, written from the counts themselves.
import { catalog, countOf, type Locale } from '../core/i18n.ts';
import type { StoredCounts } from './store.ts';

type Kind = keyof StoredCounts;
const KINDS: readonly Kind[] = ['documents', 'sections', 'tasks', 'indicators'];

const VI_KIND: Record<Kind, string> = { documents: 'văn bản', sections: 'mục', tasks: 'nhiệm vụ', indicators: 'chỉ tiêu' };

const TEXT = catalog({
  vi: {
    kind: (k: Kind) => VI_KIND[k],
    count: (k: Kind, n: number) => `${n} ${VI_KIND[k]}`,
    created: (counts: string) => `nhập mới: ${counts}`,
    replaced: (change: string) => `đã thay thế bản cũ (${change})`,
    unchanged: 'không thay đổi, bỏ qua',
  },
  en: {
    kind: (k: Kind) => ({ documents: 'documents', sections: 'sections', tasks: 'tasks', indicators: 'targets' })[k],
    count: (k: Kind, n: number) => countOf(n, { documents: 'document', sections: 'section', tasks: 'task', indicators: 'target' }[k]),
    created: (counts: string) => `imported: ${counts}`,
    replaced: (change: string) => `replaced the old version (${change})`,
    unchanged: 'unchanged, skipped',
  },
});

/** "2 văn bản, 51 mục, 11 nhiệm vụ, 12 chỉ tiêu" / "2 documents, 51 sections, 11 tasks, 12 targets". */
export function countsIn(locale: Locale, c: StoredCounts): string {
  const t = TEXT(locale);
  return KINDS.map((k) => t.count(k, c[k])).join(', ');
}

/** "văn bản 1, mục 3 → 4, …": each count before and after a file replaced its old version. */
export function countsChangeIn(locale: Locale, before: StoredCounts, after: StoredCounts): string {
  const t = TEXT(locale);
  return KINDS.map((k) => (before[k] === after[k] ? `${t.kind(k)} ${after[k]}` : `${t.kind(k)} ${before[k]} → ${after[k]}`)).join(', ');
}

/** What happened to one file, for its progress line; a failure's message as the importer wrote it. */
export function outcomeIn(
  locale: Locale,
  r: {
    status: 'new' | 'updated' | 'unchanged' | 'error';
    counts: StoredCounts;
    before?: StoredCounts;
    message?: string;
    messageEn?: string;
  },
): string {
  const t = TEXT(locale);
  if (r.status === 'new') return t.created(countsIn(locale, r.counts));
  if (r.status === 'updated' && r.before) return t.replaced(countsChangeIn(locale, r.before, r.counts));
  if (r.status === 'unchanged') return t.unchanged;
  return (locale === 'en' && r.messageEn) || r.message || '';
}
