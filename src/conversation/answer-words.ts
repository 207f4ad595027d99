// What an official types instead of a plain value: "chưa có số liệu vì …", "không áp dụng", "như kỳ trước",
// "đang triển khai, đạt khoảng 70%", and several answers in one message ("1: 46; 2: 17.000", one per line).
// Pure readers; the engine decides what to do with them.
import { fold } from '../core/text.ts';
import type { AnswerState } from '../core/types.ts';

const STATE_PHRASES: [AnswerState, RegExp][] = [
  ['no_data', /^(chua co (so lieu|du lieu|thong ke|ket qua)|khong co (so lieu|du lieu)|chua (thong ke|tong hop)( duoc)?|no data( yet)?)\b/],
  ['not_applicable', /^(khong ap dung|n\/a|na|not applicable|khong thuoc (pham vi|chuc nang|nhiem vu)( cua (co quan|don vi|so))?)\b/],
];

/** The words of `text` after its first `n` words, as typed (with diacritics), without a leading connector. */
function wordsAfter(text: string, n: number): string {
  return text
    .trim()
    .split(/\s+/)
    .slice(n)
    .join(' ')
    .replace(/^[\s,:;.\-–—()]+/, '')
    .replace(/^(vì|vi|do|lý do|ly do|bởi vì|boi vi|because|as|reason)\s*:?\s+/i, '')
    .replace(/[\s)]+$/, '')
    .trim();
}

/** "chưa có số liệu vì chưa tổng hợp xong" → { state: 'no_data', reason: 'chưa tổng hợp xong' }. */
export function readState(text: string): { state: AnswerState; reason: string } | null {
  const f = fold(text)
    .replace(/[.!]+$/, '')
    .trim();
  for (const [state, re] of STATE_PHRASES) {
    const m = re.exec(f);
    if (!m) continue;
    const words = m[0].split(/\s+/).length;
    return { state, reason: wordsAfter(text.replace(/[.!]+$/, ''), words) };
  }
  return null;
}

/** "như kỳ trước", "như quý trước", "giữ nguyên", "không đổi": copy last period's answer. */
export function isCopyPrevious(text: string): boolean {
  const f = fold(text)
    .replace(/[.!]+$/, '')
    .trim();
  return (
    /^((van |giong |bang |nhu |y )+(so lieu |so )?(ky|quy|thang|nam|lan|bao cao) (truoc|roi)|giu nguyen|nhu cu|van nhu cu|khong (doi|thay doi))$/.test(
      f,
    ) ||
    /^((the )?same as (the )?(last|previous) (period|quarter|month|year|time|report)|as (the )?(last|previous) (period|quarter|time)|unchanged|no change)$/.test(
      f,
    )
  );
}

/** "đang triển khai, đạt khoảng 70%" → the status words and what follows them. */
export function splitStatus(text: string): { head: string; rest: string } | null {
  const m = /^(.{3,40}?)\s*(?:[,;:–—-]\s*|\s+(?=đạt|dat|được|duoc|khoảng|khoang))(.+)$/iu.exec(text.trim());
  return m ? { head: m[1]!, rest: m[2]!.trim() } : null;
}

export interface BatchPart {
  n: number; // 1-based item number
  text: string;
}

const NUMBERED = /(?:^|[\s;,/])(?:câu|cau|mục|muc)?\s*(\d{1,2})\s*(?:[:=)]|\.(?=\s))\s*/giu;

/**
 * Several answers in one message: numbered ("1: 46; 2: 17.000", "1. 46 / 2. 17.000", "câu 1: 46\ncâu 3: có")
 * or one per line / separated by ";" in the order of the questions from `from` (1-based). Null for one answer.
 */
export function splitBatch(text: string, from: number): BatchPart[] | null {
  const t = text.trim();
  const marks = [...t.matchAll(NUMBERED)];
  if (marks.length >= 2 && marks[0]!.index === 0) {
    const parts = marks.map((m, i) => ({
      n: Number(m[1]),
      text: t
        .slice(m.index! + m[0].length, marks[i + 1]?.index ?? t.length)
        .replace(/[\s;,/]+$/, '')
        .trim(),
    }));
    const distinct = new Set(parts.map((p) => p.n)).size === parts.length;
    return distinct && parts.every((p) => p.text) ? parts : null;
  }
  const lines = t
    .split(/\s*(?:\n|;)\s*/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines.length < 2 || !lines.every((l) => /^[\d~]|^(khoang|tren|gan|duoi|hon|xap xi)\b/.test(fold(l)))) return null;
  return lines.map((l, i) => ({ n: from + i, text: l }));
}
