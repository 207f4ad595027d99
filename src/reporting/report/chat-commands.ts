// Chat commands for consolidated reports: "báo cáo tổng hợp [mã chế độ] [quý 4]" (coordinators and admins),
// "chi tiết <n>" after a report, and "lịch sử báo cáo" (an official's own agency).
import type { App } from '../../app.ts';
import { isAppError } from '../../core/errors.ts';
import { fold } from '../../core/text.ts';
import type { OutboundMessage } from '../../core/types.ts';
import type { BotUser, ExtraCommand } from '../../conversation/ports.ts';
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

const SUMMARY = /^bao cao tong hop\b/;
const DETAIL = /^chi tiet\s+(\d{1,4})$/;
const HISTORY = /^lich su bao cao\b/;

const say = (text: string): OutboundMessage[] => [{ text }];

/** A coordinator's reports: only regimes of the province (or of none), checked whether named or inferred. */
const scopeOf = (user: BotUser, now: Date): ReportScope => ({
  where: regimeScopeWhere(user),
  check: (r) => assertInScope(user, r.province, `Chế độ báo cáo "${r.code}"`, now),
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
      if (!isStaff(user))
        return say(
          'Chỉ điều phối viên hoặc quản trị viên xem được báo cáo tổng hợp. Cán bộ báo cáo có thể gõ "lịch sử báo cáo" để xem báo cáo của cơ quan mình.',
        );
      const rest = text.trim().replace(/^\S+\s+\S+\s+\S+\s+\S+/, ''); // drop "báo cáo tổng hợp"
      try {
        const args = splitReportArgs(rest);
        const r = await consolidatedReportForChat(app.db, { ...args, now, scope: scopeOf(user, now) });
        lastRef.set(user.id, { regimeId: r.report.regime.id, periodKey: r.report.period.key });
        return [{ text: r.text }, ...r.files.map((file) => ({ text: `Tệp ${file.name}`, file }))];
      } catch (e) {
        if (isAppError(e)) return say(e.userMessage);
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
      if (!isStaff(user)) return say('Chỉ điều phối viên hoặc quản trị viên xem được chi tiết báo cáo tổng hợp.');
      const n = Number(DETAIL.exec(fold(text))![1]);
      try {
        const ref = lastRef.get(user.id) ?? (await resolveReportRef(app.db, { now, scope: scopeOf(user, now) }));
        const report = await buildConsolidatedReport(app.db, { regime: ref.regimeId, period: ref.periodKey, now });
        return say(renderItemDetail(report, n));
      } catch (e) {
        if (isAppError(e)) return say(e.userMessage);
        throw e;
      }
    },
  };

  const history: ExtraCommand = {
    name: 'report.history',
    help: { usage: 'lịch sử báo cáo', what: 'các kỳ cơ quan bạn đã báo cáo', en: 'the periods your agency has reported', who: 'agency' },
    match: (text) => HISTORY.test(fold(text)),
    async run({ user, now }) {
      if (!user) return say('Bạn chưa đăng ký. Gửi "/start <mã mời>" để bắt đầu.');
      if (!user.agency) return say('Tài khoản của bạn không gắn với cơ quan nào nên chưa có lịch sử báo cáo.');
      try {
        return say(renderAgencyHistory(await agencyHistory(app.db, { agencyId: user.agency.id, now })));
      } catch (e) {
        if (isAppError(e)) return say(e.userMessage);
        throw e;
      }
    },
  };

  return [summary, detail, history];
}
