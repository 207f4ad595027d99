// Finding agencies in running text: registry names and aliases, generic groups ("các sở, ban, ngành liên quan"),
// unknown specific agencies ("Sở Xây dựng" when the registry lacks it), and inline alias definitions.
import type { AgencyRef } from '../../core/types.ts';
import { aliasKey, type AgencyRegistry } from '../agencies.ts';
import { shapeAt } from './agency-shape.ts';
import { collapse, foldKeep } from './vn.ts';

export interface Mention {
  start: number;
  end: number;
  ref: AgencyRef;
  generic: boolean; // a group such as "các sở, ban, ngành", never resolved to one agency
}

const G_WORD =
  '(?:so quan ly (?:chuyen )?nganh(?:\\s*,\\s*linh vuc)?|co quan chuyen mon quan ly (?:chuyen )?nganh(?:\\s*,\\s*linh vuc)?|so|ban|nganh|bo|co quan ngang bo|co quan thuoc chinh phu|co quan (?:thong tin(?: truyen thong)?|bao chi|truyen thong)|co quan|don vi|phong|phong, ban chuyen mon|ban chuyen mon|xa|phuong|dac khu|dia phuong|doan the|to chuc(?: chinh tri\\s*-?\\s*xa hoi)?|cap uy(?: dang)?|cap|chinh quyen|doanh nghiep|quan|huyen|thanh pho|vien(?: nghien cuu)?|truong(?: dai hoc| cao dang)?|hoi|mat tran to quoc|ngan hang(?: thuong mai)?|to chuc tin dung)';
// Groups written without "các", where the words leave no doubt: "sở, ban, ngành, đoàn thể Thành phố", "cơ quan, đơn
// vị liên quan" ("phối hợp với cơ quan liên quan"); a bare "sở" or "cơ quan" alone is not a group.
const BARE_GROUP =
  '(?=so quan ly (?:chuyen )?nganh|co quan chuyen mon quan ly|so\\s*,\\s*ban\\s*,?\\s*nganh|(?:co quan|don vi)(?:\\s*,\\s*(?:co quan|don vi|to chuc))*\\s+(?:co )?lien quan)';
const GENERIC = new RegExp(
  `^(?:thu truong |giam doc |chu tich |lanh dao )?(?:cac |${BARE_GROUP})${G_WORD}(?:(?:\\s*,\\s*|\\s+va\\s+|\\s+)(?:cac )?${G_WORD}\\b)*(?:\\s+(?:co lien quan|lien quan|cap tinh|cap huyen|cua (?:tinh|thanh pho)|truc thuoc(?=\\s*(?:$|[,;.:]))|tinh|thanh pho|khac|trong va ngoai (?:nuoc|tinh)|trong nuoc|ngoai nuoc|trong tinh|tren dia ban(?: tinh| thanh pho)?|(?:truc )?thuoc (?:trung uong|chinh phu|tinh|thanh pho|(?:uy ban nhan dan|ubnd)(?: cap xa| cap tinh| tinh| thanh pho)?)|chuyen mon|chuc nang|dia phuong))*`,
);

export class MentionFinder {
  private readonly re: RegExp | null;
  private readonly reAt: RegExp | null;
  private readonly byAlias = new Map<string, string>();

  constructor(
    private readonly registry: AgencyRegistry,
    overlay: { alias: string; key: string }[] = [],
  ) {
    const entries = [...overlay.map((o) => ({ alias: aliasKey(o.alias), key: o.key })), ...registry.aliasEntries()];
    for (const e of entries) if (!this.byAlias.has(e.alias)) this.byAlias.set(e.alias, e.key);
    const alts = [...this.byAlias.keys()]
      .filter((a) => a.length >= 3)
      .sort((a, b) => b.length - a.length)
      .map((a) =>
        a
          .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
          .replace(/&/g, '\\s*&\\s*')
          .replace(/-/g, '\\s*-\\s*')
          .replace(/, /g, '\\s*,\\s*')
          .replace(/ /g, '\\s+'),
      );
    const src = `(?<![a-z0-9/-])(?:${alts.join('|')})(?![a-z0-9])`;
    this.re = alts.length ? new RegExp(src, 'g') : null;
    this.reAt = alts.length ? new RegExp(src, 'y') : null;
  }

  keyOf(written: string): string | null {
    return this.byAlias.get(aliasKey(written)) ?? this.registry.resolve(written).key;
  }

  /** Every registry agency named in the text, in order. */
  known(text: string): Mention[] {
    if (!this.re) return [];
    const f = foldKeep(text);
    const out: Mention[] = [];
    this.re.lastIndex = 0;
    for (let m = this.re.exec(f); m; m = this.re.exec(f)) {
      const asWritten = text.slice(m.index, m.index + m[0].length);
      out.push({ start: m.index, end: m.index + m[0].length, ref: { asWritten, key: this.keyOf(asWritten) }, generic: false });
    }
    return out;
  }

  /** The agency (known, generic or unknown-specific) starting exactly at `pos`, if any. */
  at(text: string, pos: number): Mention | null {
    const m = this.atRaw(text, pos);
    if (!m || !/\bcac tinh$/.test(foldKeep(text.slice(m.start, m.end)))) return m;
    // "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương" is one body, not cut at its comma.
    const tail = /^\s*,\s*thành phố(?:\s+trực thuộc\s+trung ương)?(?!\p{L})/iu.exec(text.slice(m.end));
    if (!tail) return m;
    const end = m.end + tail[0].length;
    return { ...m, end, ref: { ...m.ref, asWritten: collapse(text.slice(m.start, end)) } };
  }

  private atRaw(text: string, pos: number): Mention | null {
    const rest = text.slice(pos, pos + 400);
    const f = foldKeep(rest);
    let known: Mention | null = null;
    if (this.reAt) {
      this.reAt.lastIndex = 0;
      const k = this.reAt.exec(f);
      if (k)
        known = {
          start: 0,
          end: k[0].length,
          ref: { asWritten: rest.slice(0, k[0].length), key: this.keyOf(rest.slice(0, k[0].length)) },
          generic: false,
        };
    }
    const g = GENERIC.exec(f);
    if (g && (!known || g[0].length > known.end)) {
      const w = rest.slice(0, g[0].length).trim();
      return { start: pos, end: pos + g[0].length, ref: { asWritten: w, key: null }, generic: true };
    }
    // A name by its shape ("Văn phòng đăng ký đất đai", "Sở Nông nghiệp và Môi trường tỉnh Nghệ An"); when it runs
    // past a registry name ("Sở Nông nghiệp" + "và Môi trường"), the longer reading wins.
    const shape = shapeAt(rest, f, 0);
    if (shape && (!known || (shape.end > known.end + 1 && continuesName(rest.slice(known.end))))) {
      const name = collapse(rest.slice(0, shape.end));
      const extra = known ? foldKeep(rest.slice(known.end, shape.end)).trim() : '';
      const key = this.keyOf(name) ?? (known && /^(?:,\s*)?(?:tinh|thanh pho|tp\.?)\b/.test(extra) ? known.ref.key : null);
      return { start: pos, end: pos + shape.end, ref: { asWritten: name, key }, generic: false };
    }
    if (known) return { ...known, start: pos, end: pos + known.end };
    return null;
  }

  /** A list of agencies from `pos`: "Sở Kế hoạch và Đầu tư, Sở Tài chính và các đơn vị liên quan". */
  list(text: string, pos: number): Mention[] {
    const out: Mention[] = [];
    let p = pos;
    for (let guard = 0; guard < 12; guard++) {
      const ws = /^\s*/.exec(text.slice(p))?.[0].length ?? 0;
      const m = this.at(text, p + ws);
      if (!m) break;
      out.push(m);
      p = m.end;
      const conn = /^\s*(?:,|;|và(?!\p{L})|cùng(?!\p{L})|hoặc(?!\p{L}))\s*(?:với\s+)?/u.exec(text.slice(p));
      if (!conn) break;
      p += conn[0].length;
    }
    return out;
  }

  /** Inline alias definitions: "Sở Thông tin và Truyền thông (Sở TT và TT)". */
  inlineAliases(text: string): { alias: string; key: string }[] {
    const out: { alias: string; key: string }[] = [];
    for (const m of this.known(text)) {
      const after = /^\s*\(([^()]{2,30})\)/.exec(text.slice(m.end));
      if (!after || !m.ref.key) continue;
      const alias = collapse(after[1] as string);
      if (abbreviates(alias, m.ref.asWritten) && !out.some((o) => o.alias === alias)) out.push({ alias, key: m.ref.key });
    }
    return out;
  }
}

/** After a registry name, do the words go on as part of a longer name ("… và Môi trường", "… tỉnh Nghệ An")? */
function continuesName(after: string): boolean {
  if (/^\s*(?:,\s*)?(?:tỉnh|thành phố|TP\.?)\s/u.test(after)) return true;
  const m = /^\s*(?:,\s*|và\s+|-\s*)?(\p{Lu}[\p{L}]*)/u.exec(after);
  return (
    !!m &&
    !/^(?:Sở|Ban|Bộ|Ủy|UBND|Công|Thuế|Kho|Ngân|Báo|Đài|Trung|Văn|Chi|Cục|Hội|Tổng|Tập|Liên|Viện|Tòa|Thanh|Bệnh|Phòng|Quỹ)$/u.test(
      m[1] as string,
    )
  );
}

/** Does "Sở TT và TT" abbreviate "Sở Thông tin và Truyền thông"? Compares initials, ignoring "và" and "&". */
export function abbreviates(alias: string, name: string): boolean {
  const initials = (s: string) =>
    foldKeep(s)
      .split(/[\s,&-]+/)
      .filter((w) => w && w !== 'va')
      .map((w) => w[0])
      .join('');
  const fa = foldKeep(alias).replace(/\bva\b|[\s&,.-]+/g, '');
  const words = foldKeep(alias).split(/\s+/);
  if (fa.length < 2 || words.length > 5) return false;
  const full = initials(name);
  const head = foldKeep(name).split(/\s+/)[0] ?? '';
  // "Sở TT và TT" keeps the first word; "STTTT" folds it into the initials.
  const compact = fa.startsWith(head) ? fa.slice(head.length) : fa;
  return compact === full.slice(1) || fa === full || compact === full;
}
