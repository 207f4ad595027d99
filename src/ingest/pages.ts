// Which page of the original PDF each parsed section starts on, so a citation can say "trang N". The reader
// gives the first words of every page; both they and the sections are found in the text the parser read, in
// order, with whitespace flattened (the parser joins lines, the reader's lines end where the page's did).
import type { ParsedDocument } from '../core/types.ts';

const flat = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Where each page starts in `text` (flattened offsets), -1 when its first words are not found. */
function pageStarts(text: string, heads: string[]): number[] {
  let from = 0;
  return heads.map((head) => {
    const probe = flat(head).slice(0, 40);
    if (!probe) return -1;
    const at = text.indexOf(probe, from);
    if (at < 0) return -1;
    from = at + probe.length;
    return at;
  });
}

/** Sets `page` on the sections of `docs` parsed from `text`; leaves it unset where a section is not found. */
export function assignPages(docs: ParsedDocument[], text: string, heads: string[] | undefined): void {
  if (!heads?.length) return;
  const t = flat(text);
  const starts = pageStarts(t, heads);
  const pageAt = (pos: number): number => {
    let page = 1;
    starts.forEach((s, i) => {
      if (s >= 0 && s <= pos) page = i + 1;
    });
    return page;
  };
  let from = 0;
  for (const d of docs) {
    for (const s of d.sections) {
      const probe = flat([s.label, s.heading ?? s.text].filter(Boolean).join(' ')).slice(0, 40);
      const alt = flat(s.heading ?? s.text).slice(0, 40);
      let at = probe ? t.indexOf(probe, from) : -1;
      if (at < 0 && alt) at = t.indexOf(alt, from);
      if (at < 0) continue;
      s.page = pageAt(at);
      from = at;
    }
  }
}
