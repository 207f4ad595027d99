// Plausibility of a figure before it is saved: against last period (outlier), a lũy kế figure that fell, the
// target, and the other answers of the form (a part above its total, parts that do not add up to the total).
// Each check gives the one-line reason the official is asked to confirm; none of them refuses (the official may
// be right, and says why in a note). Hard limits (0–100%, min/max) are refused earlier, by the figure reader.
import { formatNumber, formatValue } from '../reporting/numbers.ts';
import { figureSpec } from './form.ts';
import { FLOW_TEXT } from './flow-text.ts';
import type { FormContext, FormItem } from './types.ts';

export type CheckKind = 'outlier' | 'target' | 'parts';

/** Why this value needs a confirmation, or null when it is plausible. */
export function implausible(ctx: FormContext, item: FormItem, value: number): string | null {
  return check(ctx, item, value)?.reason ?? null;
}

export function check(ctx: FormContext, item: FormItem, value: number): { kind: CheckKind; reason: string } | null {
  const o = outlier(ctx, item, value);
  if (o) return { kind: 'outlier', reason: o };
  const t = aboveTarget(ctx, item, value);
  if (t) return { kind: 'target', reason: t };
  const p = partsAndTotal(ctx, item, value);
  return p ? { kind: 'parts', reason: p } : null;
}

const fmt = (item: FormItem, v: number) => formatValue(v, figureSpec(item));

function outlier(ctx: FormContext, item: FormItem, value: number): string | null {
  const prev = item.prev?.value;
  if (prev == null) return null;
  const t = FLOW_TEXT(ctx.user.locale);
  if (item.cumulative && value < prev) return t.cumulativeFell(fmt(item, value), fmt(item, prev));
  const f = ctx.outlierFactor;
  if (prev <= 0 || f <= 1 || (value <= prev * f && value >= prev / f)) return null;
  const ratio = value > prev ? t.times(formatNumber(value / prev, 1)) : t.onlyPercent(formatNumber((value / prev) * 100, 0));
  return t.farFromPrevious(fmt(item, value), fmt(item, prev), ratio);
}

/** The high end of a target written as a range ("10–15%", "30 - 35%"): a figure is compared with it, not the low end. */
function rangeTop(text: string | null | undefined): number | null {
  const m = /(\d+(?:[.,]\d+)?)\s*(?:%\s*)?[–—-]\s*(\d+(?:[.,]\d+)?)/.exec(text ?? '');
  return m ? Number(m[2]!.replace(',', '.')) : null;
}

function aboveTarget(ctx: FormContext, item: FormItem, value: number): string | null {
  const top = rangeTop(item.targetText);
  const t = top !== null && item.targetValue != null && top > item.targetValue ? top : item.targetValue;
  const f = ctx.targetFactor ?? 3;
  if (t == null || t <= 0 || f <= 1 || value <= t * f) return null;
  return FLOW_TEXT(ctx.user.locale).aboveTarget(fmt(item, value), formatNumber(value / t, 1), item.targetText?.trim() || fmt(item, t));
}

function answered(ctx: FormContext, it: FormItem, item: FormItem, value: number): number | null {
  if (it.id === item.id) return value;
  const a = ctx.answers[it.id];
  return a && !a.skipped && a.value != null ? a.value : null;
}

function partsAndTotal(ctx: FormContext, item: FormItem, value: number): string | null {
  const totalKey = item.partOf ?? item.key;
  if (!totalKey) return null;
  const total = ctx.items.find((i) => i.key === totalKey);
  const parts = ctx.items.filter((i) => i.partOf === totalKey);
  if (!total || !parts.length) return null;
  const totalValue = answered(ctx, total, item, value);
  if (totalValue == null) return null;
  const values = parts.map((p) => answered(ctx, p, item, value));
  const t = FLOW_TEXT(ctx.user.locale);
  const over = parts.find((p, i) => values[i]! > totalValue && (p.id === item.id || total.id === item.id));
  if (over) return t.partAboveTotal(over.n, fmt(over, values[parts.indexOf(over)]!), total.n, fmt(total, totalValue));
  if (values.some((v) => v == null)) return null;
  const sum = values.reduce<number>((s, v) => s + v!, 0);
  if (Math.abs(sum - totalValue) <= 1e-9 * Math.max(1, Math.abs(totalValue))) return null;
  const shown = parts.map((p, i) => formatNumber(values[i]!)).join(' + ');
  return t.partsMismatch(parts.map((p) => p.n).join(', '), shown, fmt(total, sum), total.n, fmt(total, totalValue));
}
