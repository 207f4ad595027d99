// The answers contract other modules (conversation engine, CLI) rely on.
import type { Intent } from '../core/types.ts';
import type { Locale } from '../core/i18n.ts';
import type { AgencyMatcher } from '../search/agency-match.ts';
import type { AnswerFilters } from './filters.ts';

export type AnswerIntent = Intent;

export interface AnswerItem {
  agency: string | null; // canonical name of the lead / assigned agency (the first lead when there are several)
  leads: string[]; // every lead agency of a task, canonical names ("Sở Tài chính", "Sở Nội vụ"); [] otherwise
  role: 'lead' | 'coordinate' | 'assigned' | 'recipient' | null; // recipient: where a text says to send something
  coordinators: string[]; // canonical names
  text: string; // the task / target / passage as written
  value: string | null; // for targets: value with its unit, e.g. "115 thuê bao/100 dân"
  section: string; // label path as printed, e.g. "Điều 2.5.b" or "V.2.2"
  page?: number; // page of the original PDF the section starts on (cited as "trang N"); absent for other formats
  successors: AnswerSuccessor[]; // agencies of the task that no longer exist, and who carries their duties today
  addressee?: string; // owner answers: the group a task with no named agency is addressed to, as written
  deadline?: string | null; // a task's deadline as written, in answers about deadlines
  document: {
    number: string | null;
    type: string;
    issuer: string | null;
    province: string | null;
    date: string | null;
    year: number | null;
    title: string;
    issuedWith: { type: string; number: string } | null; // an unnumbered Quy chế/Kế hoạch: the decision that issued it
  };
}

/** "Sở Thông tin và Truyền thông" → "Sở Khoa học và Công nghệ tỉnh Cà Mau" from 2025-03-01, under Nghị định 45/2025/NĐ-CP. */
export interface AnswerSuccessor {
  agency: string; // as named in leads / coordinators
  today: string; // who carries its duties on the date of the question
  since: string; // ISO date of the change
  basis: string; // its legal basis
  inferred: string | null; // the duties a split was decided by (a press task → Sở VHTTDL), when inferred from the task
}

export interface AnswerResult {
  question: string;
  intent: AnswerIntent;
  answers: AnswerItem[];
  reply: string; // exactly what the chat sends
  page: number; // 1-based
  hasMore: boolean;
  /** How much of the question the best passage holds (0–1) when the answer comes from a text search; null otherwise. */
  confidence: number | null;
  /** When the question was not understood for sure: up to three questions it may have meant, to offer as buttons. */
  readings?: string[];
}

export interface Answerer {
  answer(question: string, opts?: AnswerOptions): Promise<AnswerResult>;
  /** Reads a filter and says it in words ("tỉnh/thành Cà Mau, năm 2020"); throws a Vietnamese AppError when invalid. */
  checkFilter(filter: AnswerFilters | string): string;
  classify(text: string): AnswerIntent;
  /** Rebuilds (or reloads) the index after an import. */
  /** Rebuilds (or reloads) the index when documents changed since it was loaded, e.g. by `cli import` in another process. */
  refreshIfChanged(): Promise<boolean>;
  refresh(): Promise<void>;
  /** The agency names the answerer knows (loaded with its index, refreshed with it), for others that read names too. */
  agencies?(): AgencyMatcher;
}

export interface AnswerOptions {
  /** 1-based page of a long answer ("thêm"). */
  page?: number;
  /** The asker's province: used when the question names none (falls back to every province if it has nothing). */
  province?: string | null;
  /** Filters set by command (hard: a filter wins over what the question says). */
  filters?: AnswerFilters | string;
  /** The asker's language for the words around the answer (the quotes stay as written); Vietnamese by default. */
  locale?: Locale;
}
