// Server-rendered HTML of the form page: every item with its label, unit, target and last period's value,
// prefilled; numeric keyboard for figures; status + note for tasks; free text. Plain HTML + /static/form.js.
// It speaks the person's language (the form context's); figures keep the Vietnamese way of writing numbers.
import type { Locale } from '../core/i18n.ts';
import { ANSWER_STATE_LABEL } from '../core/types.ts';
import { FORM_TEXT } from '../conversation/form-text.ts';
import { prevText, showAnswer, targetText, isSubmitted, TASK_STATUSES } from '../conversation/form.ts';
import type { FormContext, FormItem, SavedAnswer } from '../conversation/types.ts';
import { formatNumber } from '../reporting/numbers.ts';
import { scriptText, WEB_TEXT } from './web-text.ts';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function layout(title: string, body: string, head = '', locale: Locale = 'vi'): string {
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><link rel="stylesheet" href="/static/app.css">${head}</head>
<body>${body}</body></html>`;
}

export function errorPage(message: string, locale: Locale = 'vi'): string {
  const title = WEB_TEXT(locale).cannotOpen;
  return layout(title, `<main><h1>${esc(title)}</h1><p class="err">${esc(message)}</p></main>`, '', locale);
}

function figureValue(a: SavedAnswer | undefined): string {
  if (!a || a.status) return '';
  if (a.valueText && a.valueText !== 'như kỳ trước') return a.valueText;
  return a.value != null ? formatNumber(a.value) : '';
}

function meta(item: FormItem, locale: Locale): string {
  const t = WEB_TEXT(locale);
  const bits: string[] = [];
  if (item.unit) bits.push(esc(t.unit(item.unit)));
  const target = targetText(item, locale);
  if (target) bits.push(esc(t.target(target)));
  if (item.kind !== 'text') bits.push(esc(t.previous(prevText(item, locale))));
  return bits.length ? `<p class="meta">${bits.join(' · ')}</p>` : '';
}

function field(item: FormItem, a: SavedAnswer | undefined, disabled: string, locale: Locale): string {
  const id = `f${item.id}`;
  const t = WEB_TEXT(locale);
  if (item.kind === 'task_status') {
    const label = FORM_TEXT(locale).status;
    const opts = TASK_STATUSES.map((s) => `<option value="${s}"${a?.status === s ? ' selected' : ''}>${esc(label(s))}</option>`).join('');
    const pct = a?.percentDone != null ? formatNumber(a.percentDone) : '';
    return `<select id="${id}" name="status" data-role="status"${disabled}><option value="">${esc(t.statusPick)}</option>${opts}</select>
<input name="percent" data-role="percent" inputmode="decimal" placeholder="${esc(t.percentHint)}" value="${esc(pct)}"${disabled}>
<textarea name="note" data-role="note" rows="2" placeholder="${esc(t.noteHint)}"${disabled}>${esc(a?.note ?? '')}</textarea>`;
  }
  if (item.kind === 'text')
    return `<textarea id="${id}" name="text" data-role="text" rows="3"${disabled}>${esc(a?.valueText ?? '')}</textarea>`;
  return `<input id="${id}" name="value" data-role="value" inputmode="decimal" autocomplete="off" value="${esc(figureValue(a))}"${disabled}>`;
}

function itemBlock(ctx: FormContext, item: FormItem, disabled: string): string {
  const a = ctx.answers[item.id];
  const locale = ctx.user.locale;
  const state = a?.status && a.status in ANSWER_STATE_LABEL ? `<p class="saved">${esc(showAnswer(item, a, locale))}</p>` : '';
  return `<section class="item" data-item="${item.id}" data-kind="${item.kind}">
<label for="f${item.id}"><span class="n">${item.n}.</span> ${esc(item.label)}</label>
${meta(item, locale)}${state}
${field(item, a, disabled, locale)}
<div class="msg" aria-live="polite"></div></section>`;
}

export interface FormPageInput {
  ctx: FormContext;
  token: string;
  csrf: string;
}

export function formPage({ ctx, token, csrf }: FormPageInput): string {
  const locale = ctx.user.locale;
  const t = WEB_TEXT(locale);
  const sent = isSubmitted(ctx);
  const disabled = ctx.lock ? ' disabled' : '';
  const banner = ctx.lock
    ? `<p class="lock">${esc(ctx.lock.message)}</p>`
    : sent
      ? `<p class="ok">${esc(t.sent)}</p>`
      : `<p class="hint">${esc(t.draftHint)}</p>`;
  const items = ctx.items.map((i) => itemBlock(ctx, i, disabled)).join('\n');
  const submit = ctx.lock || sent ? '' : `<button id="submit" type="button">${esc(t.submit)}</button>`;
  const body = `<main>
<h1>${esc(ctx.period.regimeName)}</h1>
<p class="sub">${esc(t.agencyPeriod(ctx.agency.name, ctx.period.label))}</p>
${banner}
<form id="form" onsubmit="return false">${items}</form>
<div id="done" class="msg" aria-live="polite"></div>
${submit}
</main><script src="/static/form.js" defer></script>`;
  const head = `<meta name="form-token" content="${esc(token)}"><meta name="csrf-token" content="${esc(csrf)}"><meta name="ui-text" content="${esc(JSON.stringify(scriptText(locale)))}">`;
  return layout(`${ctx.period.regimeName} — ${ctx.period.label}`, body, head, locale);
}
