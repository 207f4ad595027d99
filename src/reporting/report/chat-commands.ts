// Chat commands for consolidated reports: "báo cáo tổng hợp [mã chế độ] [quý 4]" (coordinators and admins),
// "chi tiết <n>" after a report, and "lịch sử báo cáo" (an official's own agency).
import type { App } from '../../app.ts';
import { isAppError } from '../../core/errors.ts';
import { catalog } from '../../core/i18n.ts';
import { fold } from '../../core/text.ts';
import type { OutboundMessage } from '../../core/types.ts';
import type { ExtraCommand } from '../../core/interfaces.ts';
import type { BotUser } from '../../core/types.ts';
import { assertInScope, isStaff, regimeScopeWhere } from '../../users/scope.ts';
import {
  agencyHistory,
  buildConsolidatedReport,
  consolidatedReportForChat,
  periodSuffix,
  renderAgencyHistory,
  renderItemDetail,
  resolveReportRef,
  normalizePeriodKey,
  type ReportScope,
} from './index.ts';
import { findRegime } from './load.ts';
import { CHAT_REPORT_TEXT } from './render/chat-text.ts';

// English words too, for a person who chose English ("consolidated report", "detail 2", "report history").
const SUMMARY = /^(?:bao cao tong hop|consolidated report)\b/;
const DETAIL = /^(?:chi tiet|details?)\s+(\d{1,4})$/;
const HISTORY = /^(?:lich su bao cao|report history)\b/;

const TEXT = catalog({
  vi: {
    summaryStaffOnly:
      'Chỉ điều phối viên hoặc quản trị viên xem được báo cáo tổng hợp. Cán bộ báo cáo có thể gõ "lịch sử báo cáo" để xem báo cáo của cơ quan mình.',
    detailStaffOnly: 'Chỉ điều phối viên hoặc quản trị viên xem được chi tiết báo cáo tổng hợp.',
    notRegistered: 'Bạn chưa đăng ký. Gửi "/start <mã mời>" để bắt đầu.',
    noAgency: 'Tài khoản của bạn không gắn với cơ quan nào nên chưa có lịch sử báo cáo.',
  },
  en: {
    summaryStaffOnly:
      'Only coordinators and administrators can see the consolidated report. An officer can type "report history" to see their own agency\'s reports.',
    detailStaffOnly: 'Only coordinators and administrators can see the details of the consolidated report.',
    notRegistered: 'You are not registered yet. Send "/start <invite code>" to begin.',
    noAgency: 'Your account is not linked to an agency, so it has no report history.',
  },
});

const say = (text: string): OutboundMessage[] => [{ text }];

/** The words after a command's own ("báo cáo tổng hợp KH-CDS quý 4" → "KH-CDS quý 4"), in either language. */
function argsAfter(command: RegExp, text: string): string {
  const words = text.trim().split(/\s+/);
  const own = command.exec(fold(text.trim()))?.[0].split(/\s+/).length ?? 0;
  return words.slice(own).join(' ');
}

/** A coordinator's reports: only regimes of the province (or of none), checked whether named or inferred. */
const scopeOf = (user: BotUser, now: Date): ReportScope => ({
  where: regimeScopeWhere(user),
  check: (r) => assertInScope(user, r.province, { vi: `Chế độ báo cáo "${r.code}"`, en: `Reporting regime "${r.code}"` }, now),
});

/** "KH-CDS-2026 quý 4" → regime + period; a lone period ("quý 4", "2026-Q4") leaves the regime to be inferred. */
export function splitReportArgs(rest: string): { regime?: string; period?: string } {
  const r = rest.trim();
  if (!r) return {};
  const isPeriod = (s: string) => periodSuffix(s) !== null || /^\d{4}(-(q[1-4]|h[12]|\d{2}))?$/i.test(normalizePeriodKey(s));
  if (isPeriod(r)) return { period: r };
  const [first, ...others] = r.split(/\s+/);
  return { regime: first, period: others.join(' ') || undefined };
}

export function reportChatCommands(app: App): ExtraCommand[] {
  // What "chi tiết <n>" refers to: the last consolidated report each person asked for.
  const lastRef = new Map<number, { regimeId: number; periodKey: string }>();

  const summary: ExtraCommand = {
    name: 'report.summary',
    help: {
      usage: 'báo cáo tổng hợp [mã chế độ] [quý 4]',
      what: 'báo cáo tổng hợp kèm tệp XLSX, DOCX',
      en: 'the consolidated report, with XLSX and DOCX files',
      who: 'staff',
    },
    match: (text) => SUMMARY.test(fold(text)),
    async run({ user, text, now }) {
      const locale = user?.locale;
      if (!isStaff(user)) return say(TEXT(locale).summaryStaffOnly);
      const rest = argsAfter(SUMMARY, text);
      try {
        const args = splitReportArgs(rest);
        const r = await consolidatedReportForChat(app.db, { ...args, now, scope: scopeOf(user, now), locale });
        lastRef.set(user.id, { regimeId: r.report.regime.id, periodKey: r.report.period.key });
        return [{ text: r.text }, ...r.files.map((file) => ({ text: CHAT_REPORT_TEXT(locale).file(file.name), file }))];
      } catch (e) {
        if (isAppError(e)) return say(e.messageIn(locale));
        throw e;
      }
    },
  };

  const detail: ExtraCommand = {
    name: 'report.detail',
    help: {
      usage: 'chi tiết <số>',
      what: 'xem chi tiết một chỉ tiêu của báo cáo tổng hợp vừa xem',
      en: 'one item of the consolidated report just shown, in detail',
      who: 'staff',
    },
    match: (text, user) => DETAIL.test(fold(text)) && isStaff(user),
    async run({ user, text, now }) {
      const locale = user?.locale;
      if (!isStaff(user)) return say(TEXT(locale).detailStaffOnly);
      const n = Number(DETAIL.exec(fold(text))![1]);
      try {
        const ref = lastRef.get(user.id) ?? (await resolveReportRef(app.db, { now, scope: scopeOf(user, now) }));
        const report = await buildConsolidatedReport(app.db, { regime: ref.regimeId, period: ref.periodKey, now });
        return say(renderItemDetail(report, n, { locale }));
      } catch (e) {
        if (isAppError(e)) return say(e.messageIn(locale));
        throw e;
      }
    },
  };

  const history: ExtraCommand = {
    name: 'report.history',
    help: { usage: 'lịch sử báo cáo', what: 'các kỳ cơ quan bạn đã báo cáo', en: 'the periods your agency has reported', who: 'agency' },
    match: (text) => HISTORY.test(fold(text)),
    async run({ user, text, now }) {
      const locale = user?.locale;
      if (!user) return say(TEXT(locale).notRegistered);
      if (!user.agency) return say(TEXT(locale).noAgency);
      // "lịch sử báo cáo <mã chế độ>": one regime (the hint at the end of a long history says so); other words
      // ("lịch sử báo cáo của tôi", a mistyped code) leave the whole history
      const word = argsAfter(HISTORY, text).split(' ')[0];
      try {
        const regime = word ? await findRegime(app.db, word).catch(() => null) : null;
        const h = await agencyHistory(app.db, { agencyId: user.agency.id, now, ...(regime ? { regime: regime.id } : {}) });
        return say(renderAgencyHistory(h, { locale }));
      } catch (e) {
        if (isAppError(e)) return say(e.messageIn(locale));
        throw e;
      }
    },
  };

  return [summary, detail, history];
}
