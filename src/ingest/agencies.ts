// The agency registry: canonical names, aliases/abbreviations, kinds and predecessor links (data/agencies.yaml).
import { z } from 'zod';
import type { AgencyDef, AgencyKind, AgencyRef, Succession } from '../core/types.ts';
import { fold } from '../core/text.ts';
import { AppError, ErrorCode } from '../core/errors.ts';
import { loadYamlData } from './yaml-data.ts';

const KINDS: readonly AgencyKind[] = [
  'so',
  'ubnd-tinh',
  'ubnd-huyen',
  'ubnd-xa',
  'bo',
  'tinh-uy',
  'dang',
  'doan-the',
  'doanh-nghiep',
  'other',
];

// Words that may precede an agency name without changing which agency it is ("Giám đốc Sở Tài chính").
const LEADING_ROLE = /^(?:giam doc|pho giam doc|thu truong|lanh dao|chanh van phong|chu tich|pho chu tich|truong ban|truong)\s+(?=\S)/;
// Location qualifiers after a generic agency name ("Sở Tài chính tỉnh Cà Mau", "UBND huyện, TP.Cà Mau").
const TRAILING_PLACE = /(?:^|,|\s)\s*(?:tinh|thanh pho|tp\.?|quan|huyen|thi xa)(?:\s*\.?\s*[a-z][a-z ]*)?$/;

export class AgencyRegistry {
  private readonly byKey = new Map<string, AgencyDef>();
  private readonly byAlias = new Map<string, string>(); // folded alias → key
  private sortedAliases: { alias: string; key: string }[] | undefined; // aliasEntries(), until an alias is added

  constructor(defs: AgencyDef[]) {
    for (const d of defs) this.add(d);
  }

  add(def: AgencyDef): void {
    this.sortedAliases = undefined;
    this.byKey.set(def.key, def);
    for (const a of [def.name, ...def.aliases]) {
      const k = aliasKey(a);
      if (k && !this.byAlias.has(k)) this.byAlias.set(k, def.key);
    }
  }

  /** Teaches the registry an alias a document defines inline ("Sở Thông tin và Truyền thông (Sở TT và TT)"). */
  learnAlias(alias: string, key: string): void {
    if (!this.byKey.has(key) || !aliasKey(alias)) return;
    this.byAlias.set(aliasKey(alias), key);
    this.sortedAliases = undefined;
  }

  get(key: string): AgencyDef | undefined {
    return this.byKey.get(key);
  }

  all(): AgencyDef[] {
    return [...this.byKey.values()];
  }

  /** Every known name and alias (folded key form) with its agency key; longest first. */
  aliasEntries(): readonly { readonly alias: string; readonly key: string }[] {
    // longest first; sorted again only after an alias was added
    this.sortedAliases ??= [...this.byAlias.entries()]
      .map(([alias, key]) => ({ alias, key }))
      .sort((a, b) => b.alias.length - a.alias.length);
    return this.sortedAliases;
  }

  /**
   * Resolves a name as written to a registry entry, or key null. Tolerates a leading role ("Giám đốc Sở …"),
   * a trailing place ("Sở Tài chính tỉnh Cà Mau") and a parenthesised abbreviation.
   */
  resolve(asWritten: string): AgencyRef {
    return { asWritten, key: this.lookup(asWritten) };
  }

  private lookup(asWritten: string): string | null {
    let k = aliasKey(asWritten.replace(/\([^)]*\)/g, ' '));
    for (let i = 0; i < 3 && k; i++) {
      const hit = this.byAlias.get(k);
      if (hit) return hit;
      const next = aliasKey(k.replace(LEADING_ROLE, '').replace(TRAILING_PLACE, ''));
      if (next === k) break;
      k = next;
    }
    return k ? (this.byAlias.get(k) ?? null) : null;
  }

  /** Agencies whose duties (all or a share) passed, directly or along a chain, to `key`: so-khcn → [so-tttt, so-bcvt]. */
  predecessorsOf(key: string): AgencyDef[] {
    const leadsTo = (d: AgencyDef, seen = new Set<string>()): boolean => {
      const s = d.succession;
      if (!s || seen.has(d.key)) return false;
      seen.add(d.key);
      const next = [s.into, s.prefer, ...s.shares.map((x) => x.to)].filter((k): k is string => !!k);
      return next.some((k) => k === key || (this.byKey.has(k) && leadsTo(this.byKey.get(k)!, seen)));
    };
    return this.all().filter((d) => d.key !== key && leadsTo(d));
  }

  /**
   * Who carries an agency's duties on a date, following the chain (Sở BCVT → Sở TT&TT → Sở KH&CN). `subject` (a
   * task's text) picks the share of a split (a press task → Sở VHTTDL); `present` says whether a province has an
   * agency, for a `prefer` successor. Null when the agency still exists on that date.
   */
  successorOn(key: string, opts: { on: Date; subject?: string; present?: (key: string) => boolean }): SuccessorAt | null {
    const day = opts.on.toISOString().slice(0, 10);
    const subject = opts.subject ? ` ${fold(opts.subject).replace(/[^a-z0-9]+/g, ' ')} ` : '';
    const steps: SuccessorAt['steps'] = [];
    let cur = key;
    let inferred: string | null = null;
    for (let n = 0; n < 10; n++) {
      const s = this.byKey.get(cur)?.succession;
      if (!s || s.date > day) break;
      const share = subject ? s.shares.find((x) => x.words.some((w) => subject.includes(` ${w} `))) : undefined;
      const next = share?.to ?? (s.prefer && opts.present?.(s.prefer) ? s.prefer : s.into);
      if (!next || next === cur) break;
      if (share) inferred = share.duties;
      steps.push({ from: cur, to: next, date: s.date, basis: s.basis, change: s.change, as: share ? null : s.as });
      cur = next;
    }
    if (!steps.length) return null;
    const last = steps[steps.length - 1]!;
    return { key: cur, since: last.date, basis: last.basis, as: last.as, inferred, steps };
  }
}

export interface SuccessorAt {
  key: string; // registry key of the agency carrying the duties today
  since: string; // ISO date of the last change
  basis: string; // its legal basis
  as: string | null; // how to name it in a reply, when the data says
  inferred: string | null; // the duties a split was decided by ("báo chí, xuất bản"), when the task's words chose
  steps: { from: string; to: string; date: string; basis: string; change: Succession['change']; as: string | null }[];
}

/** Folded form used to compare agency names ("Sở TT&TT" ≡ "so tt&tt", "Sở TT - TT" ≡ "so tt-tt"). */
export function aliasKey(s: string): string {
  return fold(s)
    .replace(/\s*&\s*/g, '&')
    .replace(/\s*-\s*/g, '-')
    .replace(/\s*,\s*/g, ', ')
    .replace(/[.,;:]+$/g, '')
    .trim();
}

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'ngày phải viết dạng YYYY-MM-DD');
const SuccessionSchema = z.strictObject({
  change: z.enum(['merged', 'renamed', 'ended']),
  date: IsoDate,
  basis: z.string().min(1),
  into: z.string().min(1).nullable().optional(),
  prefer: z.string().min(1).optional(),
  as: z.string().min(1).optional(),
  shares: z
    .array(z.strictObject({ to: z.string().min(1), duties: z.string().min(1), words: z.array(z.string().min(2)).min(1) }))
    .optional(),
});
const RegistrySchema = z.strictObject({
  agencies: z.array(
    z.strictObject({
      key: z.string().regex(/^[a-z0-9-]+$/, 'khóa chỉ gồm chữ thường không dấu, số và dấu -'),
      name: z.string().min(1),
      kind: z.enum(KINDS as [AgencyKind, ...AgencyKind[]]),
      aliases: z.array(z.string()).optional(),
      province: z.string().nullable().optional(),
      succession: SuccessionSchema.optional(),
    }),
  ),
});

/** Loads and validates the registry file; a broken entry is a configuration error naming the file and line. */
export function loadAgencyRegistry(file: string): AgencyRegistry {
  const raw = loadYamlData(file, RegistrySchema);
  const defs: AgencyDef[] = raw.agencies.map((d) => {
    const s = d.succession;
    const succession: Succession | null = s
      ? {
          change: s.change,
          date: s.date,
          basis: s.basis,
          into: s.into ?? null,
          prefer: s.prefer ?? null,
          as: s.as ?? null,
          shares: (s.shares ?? []).map((x) => ({ ...x, words: x.words.map((w) => fold(w)) })),
        }
      : null;
    return {
      key: d.key,
      name: d.name,
      kind: d.kind,
      aliases: d.aliases ?? [],
      province: d.province ?? null,
      succession,
      successor: succession?.into ?? null,
      mergedYear: succession ? Number(succession.date.slice(0, 4)) : null,
    };
  });
  const reg = new AgencyRegistry(defs);
  const keys = new Set<string>();
  for (const d of defs) {
    if (keys.has(d.key)) throw new AppError(ErrorCode.Config, `Tệp dữ liệu ${file}: khóa cơ quan "${d.key}" bị trùng.`);
    keys.add(d.key);
    const s = d.succession;
    for (const k of [s?.into, s?.prefer, ...(s?.shares ?? []).map((x) => x.to)]) {
      if (k && !reg.get(k)) {
        throw new AppError(ErrorCode.Config, `Tệp dữ liệu ${file}: cơ quan ${d.key} trỏ tới cơ quan kế nhiệm không có: ${k}.`);
      }
    }
  }
  return reg;
}
