// Domain types shared by every layer. Pure data: no imports from the rest of the app.
import type { Locale } from './i18n.ts';
import type { StoredWarning } from './parse-warnings.ts';

export type DocumentType =
  | 'Chỉ thị'
  | 'Quyết định'
  | 'Kế hoạch'
  | 'Nghị quyết'
  | 'Công văn'
  | 'Thông báo'
  | 'Chương trình'
  | 'Đề án'
  | 'Quy hoạch'
  | 'Quy chế'
  | 'Quy định'
  | 'Quy trình'
  | 'Phương án'
  | 'Hướng dẫn'
  | 'Điều lệ'
  | 'Nghị định'
  | 'Thông tư'
  | 'Văn bản';

export type AgencyKind = 'so' | 'ubnd-tinh' | 'ubnd-huyen' | 'ubnd-xa' | 'bo' | 'tinh-uy' | 'dang' | 'doan-the' | 'doanh-nghiep' | 'other';

/** An entry of the agency registry (data/agencies.yaml). */
export interface AgencyDef {
  key: string; // stable slug: "so-tttt"
  name: string; // canonical: "Sở Thông tin và Truyền thông"
  kind: AgencyKind;
  aliases: string[]; // "Sở TT&TT", "STTTT", "Sở TT và TT"
  province?: string | null; // null = generic (exists in every province)
  successor?: string | null; // key of the agency this one was merged into (= succession.into)
  mergedYear?: number | null; // year of the succession
  succession?: Succession | null;
}

/** What became of an agency that no longer exists under its name (data/agencies.yaml `succession`). */
export interface Succession {
  change: 'merged' | 'renamed' | 'ended';
  date: string; // ISO date it took effect: "2025-03-01"
  basis: string; // legal basis: "Nghị định 45/2025/NĐ-CP ngày 28/02/2025"
  into: string | null; // registry key of the main successor; null when the duties ended
  prefer: string | null; // a successor taking precedence where the province has one (Sở Dân tộc và Tôn giáo)
  as: string | null; // how to name the successor in a reply ("Ủy ban nhân dân các xã, phường")
  shares: SuccessionShare[]; // duties that went to another agency, chosen by a task's subject
}

export interface SuccessionShare {
  to: string; // registry key
  duties: string; // in words, for the reply: "báo chí, xuất bản"
  words: string[]; // words of a task's text that mark it as one of these duties
}

/** How a document refers to an agency, resolved against the registry when possible. */
export interface AgencyRef {
  asWritten: string;
  key: string | null; // registry key; null when unknown
}

export interface ParsedSection {
  idx: number; // position in the document (0-based), also the local id
  parent: number | null; // idx of the parent section
  level: number; // 0 = top
  label: string; // as printed: "Điều 2", "I.", "2.1.", "a)", "-"
  path: string; // citation path: "V.2.2", "Điều 2.5.b"
  heading: string | null; // heading text when the section is a heading
  text: string; // the section's own text (joined lines), without children
  page?: number; // page of the original PDF it starts on (1-based), when known
}

export interface ParsedTask {
  section: number; // idx of the section holding it
  text: string;
  leads: AgencyRef[]; // every lead agency, in the order written ("Sở Tài chính, Sở Nội vụ chủ trì" → two); [] for a group
  coordinators: AgencyRef[];
  addressee: string | null; // "các sở, ban, ngành" when no single agency is named
  deadline: string | null; // "năm 2014", "Quý IV/2013", "hàng năm"
}

export type IndicatorKind = 'percent' | 'count' | 'money' | 'ratio' | 'other';
export type Comparator = 'eq' | 'gte' | 'gt' | 'lte' | 'lt' | 'range';

export interface ParsedIndicator {
  section: number;
  subject: string; // "Tỷ lệ hộ gia đình có máy tính"
  text: string; // the sentence as written
  valueText: string; // "10-15%"
  valueMin: number | null;
  valueMax: number | null;
  comparator: Comparator | null;
  unit: string | null; // "%", "thuê bao/100 dân", "tỷ đồng", "đồng", "doanh nghiệp"
  kind: IndicatorKind;
  year: number | null;
}

export interface ParsedDocument {
  partIndex: number; // position inside its source file
  type: DocumentType;
  number: string | null; // "17/CT-UBND"
  issuer: string | null; // "UBND tỉnh Quảng Ngãi"
  province: string | null; // "Quảng Ngãi", "Cần Thơ"
  issueDate: string | null; // ISO yyyy-mm-dd
  year: number | null;
  signer: string | null;
  title: string;
  period: string | null; // "2008 - 2010", "đến năm 2020, định hướng đến năm 2030"
  approvesNumber: string | null; // number of the document this one approves (1578/QĐ-UBND → 37/KH-STTTT)
  /** Part index (in the same file) of the document this one approves or issues ("Ban hành kèm theo Quyết định này …"). */
  approvesPart: number | null;
  inlineAliases: { alias: string; key: string }[]; // "(Sở TT và TT)" defined in the text
  sections: ParsedSection[];
  tasks: ParsedTask[];
  indicators: ParsedIndicator[];
  /** What the importer noticed, in Vietnamese (the sentences of `warningCodes` when the parser gave them). */
  warnings: string[];
  /** The same as codes and parameters, shown in the reader's language and stored; absent: only `warnings` is known. */
  warningCodes?: StoredWarning[];
}

export type Role = 'official' | 'coordinator' | 'admin';

/** Who is typing: a registered person with their role, agency and language (read by src/users/users.ts). */
export interface BotUser {
  id: number;
  name: string | null;
  role: Role;
  province: string | null;
  agency: { id: number; key: string; baseKey: string; name: string; province: string | null } | null;
  /** The language the bot speaks to this person. */
  locale: Locale;
}
/** What a question asks: the one list the query reader, the answerer and the engine share. */
export type Intent = 'owner' | 'agency_tasks' | 'indicator' | 'document' | 'search' | 'deadline' | 'help' | 'unknown';
export type Frequency = 'month' | 'quarter' | 'half-year' | 'year';
/** figure: a number; task_status: a task's progress; text: free text (khó khăn, vướng mắc, kiến nghị …). */
export type ItemKind = 'figure' | 'task_status' | 'text';
export type TaskStatus = 'chua_trien_khai' | 'dang_trien_khai' | 'hoan_thanh';
/**
 * An answer that is neither a value nor a skip: stored in Answer.status (with the reason in Answer.note) for any
 * item kind. "Chưa có số liệu" is not "bỏ qua": the official said there is no figure yet, and why.
 */
export type AnswerState = 'no_data' | 'not_applicable';
export const ANSWER_STATE_LABEL: Record<AnswerState, string> = {
  no_data: 'Chưa có số liệu',
  not_applicable: 'Không áp dụng',
};
export function isAnswerState(s: string | null | undefined): s is AnswerState {
  return s === 'no_data' || s === 'not_applicable';
}

// The states the database keeps as enums (prisma/schema.prisma; src/db/enums.ts checks the two lists agree).
/** An agency's part in a task: it leads, coordinates, or a group addressee ("UBND các xã") names it. */
export type TaskRole = 'lead' | 'coordinate' | 'assigned';
export type PeriodStatus = 'open' | 'locked' | 'approved';
export type SubmissionStatus = 'draft' | 'submitted';
export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'cancelled';
export type OutboxKind = 'prompt' | 'reminder' | 'overdue' | 'digest';
/** How a figure item's number is read and written. */
export type ValueKind = 'percent' | 'count' | 'money' | 'ratio';

// ---------- Channel-neutral messages ----------

export type ChannelName = 'console' | 'telegram' | 'slack' | 'zalo' | 'zalo-oa';

export interface InboundMessage {
  channel: ChannelName;
  userId: string; // platform user id
  chatId: string; // where to answer (DM or group)
  text: string; // typed text, or the label of a pressed button
  choice?: string; // id of a pressed button (callback data)
  displayName?: string;
  /** The language the person's app is set to, when the platform says it (Telegram's language_code: "en", "vi"). */
  language?: string;
  isGroup?: boolean;
  /** Structured form values (Slack modal submission): itemId → raw text. */
  formValues?: Record<string, string>;
  /**
   * The platform's durable id of this event ("telegram:update:123", "slack:event:Ev01", "zalo-oa:msg:…"): a
   * re-delivery carries the same id and is ignored. Absent on the console.
   */
  eventId?: string;
  /** A file sent in chat (Telegram document, …): the conversation decides whether to import it. */
  file?: InboundFile;
}

/** A file a channel received; the bytes are fetched only when wanted, through the platform API. */
export interface InboundFile {
  name: string;
  mime: string | null;
  /** Bytes, when the platform says so before downloading (Telegram, Slack). */
  size: number | null;
  /** Downloads the file; rejects with a Vietnamese AppError once more than `maxBytes` arrive. */
  fetch(maxBytes: number): Promise<Buffer>;
  /** Sends a message to the chat at once, ahead of the reply (progress of a long import), in the reply's order. */
  notify?(message: OutboundMessage): void;
}

export interface Choice {
  id: string; // sent back as InboundMessage.choice
  label: string;
}

export interface OutFile {
  name: string;
  mime: string;
  data: Buffer;
}

export interface Citation {
  document: string; // "17/CT-UBND" or the title
  province: string | null;
  section: string; // "Điều 2.5.b"
}

export interface OutboundMessage {
  text: string;
  choices?: Choice[];
  file?: OutFile;
  citation?: Citation;
  /** A page to open inside the chat app (a Telegram Web App button); other channels show `url` in the text. */
  webApp?: { label: string; url: string };
  /** A form step that channels with native forms (Slack modals) may render as an input. */
  input?: { itemId: string; label: string; kind: 'number' | 'text' | 'choice'; min?: number; max?: number; decimal?: boolean };
  /** Why the pending question is asked again (a refused answer): the text starts with it, then the question. */
  reason?: string;
  /** The language the message is in when not Vietnamese: a channel says its own words (modal titles, hints) in it. */
  locale?: 'en';
}
