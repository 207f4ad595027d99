// Server-rendered HTML of the form page: every item with its label, unit, target and last period's value,
// prefilled; numeric keyboard for figures; status + note for tasks; free text. Plain HTML + /static/form.js.
import { ANSWER_STATE_LABEL, type TaskStatus } from '../core/types.ts';
import { prevText, showAnswer, STATUS_LABELS, targetText, isSubmitted } from '../conversation/form.ts';
import type { FormContext, FormItem, SavedAnswer } from '../conversation/types.ts';
import { formatNumber } from '../reporting/numbers.ts';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function layout(title: string, body: string, head = ''): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><link rel="stylesheet" href="/static/app.css">${head}</head>
<body>${body}</body></html>`;
}

export function errorPage(message: string): string {
  return layout('Không mở được trang', `<main><h1>Không mở được trang</h1><p class="err">${esc(message)}</p></main>`);
}

function figureValue(a: SavedAnswer | undefined): string {
  if (!a || a.status) return '';
  if (a.valueText && a.valueText !== 'như kỳ trước') return a.valueText;
  return a.value != null ? formatNumber(a.value) : '';
}

function meta(item: FormItem): string {
  const bits: string[] = [];
  if (item.unit) bits.push(`Đơn vị: ${esc(item.unit)}`);
  const t = targetText(item);
  if (t) bits.push(`Mục tiêu: ${esc(t)}`);
  const p = prevText(item);
  if (item.kind !== 'text') bits.push(`Kỳ trước: ${p ? esc(p) : 'chưa có'}`);
  return bits.length ? `<p class="meta">${bits.join(' · ')}</p>` : '';
}

function field(item: FormItem, a: SavedAnswer | undefined, disabled: string): string {
  const id = `f${item.id}`;
  if (item.kind === 'task_status') {
    const opts = (Object.keys(STATUS_LABELS) as TaskStatus[])
      .map((s) => `<option value="${s}"${a?.status === s ? ' selected' : ''}>${esc(STATUS_LABELS[s])}</option>`)
      .join('');
    const pct = a?.percentDone != null ? formatNumber(a.percentDone) : '';
    return `<select id="${id}" name="status" data-role="status"${disabled}><option value="">— Tình trạng —</option>${opts}</select>
<input name="percent" data-role="percent" inputmode="decimal" placeholder="% hoàn thành (nếu đang triển khai)" value="${esc(pct)}"${disabled}>
<textarea name="note" data-role="note" rows="2" placeholder="Ghi chú"${disabled}>${esc(a?.note ?? '')}</textarea>`;
  }
  if (item.kind === 'text')
    return `<textarea id="${id}" name="text" data-role="text" rows="3"${disabled}>${esc(a?.valueText ?? '')}</textarea>`;
  return `<input id="${id}" name="value" data-role="value" inputmode="decimal" autocomplete="off" value="${esc(figureValue(a))}"${disabled}>`;
}

function itemBlock(ctx: FormContext, item: FormItem, disabled: string): string {
  const a = ctx.answers[item.id];
  const state = a?.status && a.status in ANSWER_STATE_LABEL ? `<p class="saved">${esc(showAnswer(item, a))}</p>` : '';
  return `<section class="item" data-item="${item.id}" data-kind="${item.kind}">
<label for="f${item.id}"><span class="n">${item.n}.</span> ${esc(item.label)}</label>
${meta(item)}${state}
${field(item, a, disabled)}
<div class="msg" aria-live="polite"></div></section>`;
}

export interface FormPageInput {
  ctx: FormContext;
  token: string;
  csrf: string;
}

export function formPage({ ctx, token, csrf }: FormPageInput): string {
  const sent = isSubmitted(ctx);
  const disabled = ctx.lock ? ' disabled' : '';
  const banner = ctx.lock
    ? `<p class="lock">${esc(ctx.lock.message)}</p>`
    : sent
      ? `<p class="ok">Báo cáo đã gửi. Mọi sửa đổi được lưu ngay và ghi vào nhật ký, không cần gửi lại.</p>`
      : '<p class="hint">Mỗi thay đổi được lưu nháp ngay. Bấm “Gửi báo cáo” khi xong.</p>';
  const items = ctx.items.map((i) => itemBlock(ctx, i, disabled)).join('\n');
  const submit = ctx.lock || sent ? '' : '<button id="submit" type="button">Gửi báo cáo</button>';
  const body = `<main>
<h1>${esc(ctx.period.regimeName)}</h1>
<p class="sub">${esc(ctx.agency.name)} — kỳ ${esc(ctx.period.label)}</p>
${banner}
<form id="form" onsubmit="return false">${items}</form>
<div id="done" class="msg" aria-live="polite"></div>
${submit}
</main><script src="/static/form.js" defer></script>`;
  const head = `<meta name="form-token" content="${esc(token)}"><meta name="csrf-token" content="${esc(csrf)}">`;
  return layout(`${ctx.period.regimeName} — ${ctx.period.label}`, body, head);
}
