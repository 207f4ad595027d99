// Joins hard-wrapped lines into blocks: one per labelled item ("2.1.", "a)", "-") or unlabelled paragraph.
import { isTableRow } from './lines.ts';
import { foldKeep, isUpperText, startsLower, wrapsProvince } from './vn.ts';

export type LabelKind = 'phan' | 'chuong' | 'phuluc' | 'dieu' | 'roman' | 'num' | 'num2' | 'num3' | 'alpha' | 'step' | 'dash' | 'plus';

export const RANK: Record<LabelKind, number> = {
  phan: 0,
  chuong: 1,
  phuluc: 1,
  dieu: 2,
  roman: 3,
  num: 4,
  num2: 5,
  num3: 6,
  alpha: 7,
  step: 8, // "Bước 1." of a procedure
  dash: 9,
  plus: 10,
};

export interface Label {
  kind: LabelKind;
  printed: string; // "Điều 2", "I.", "2.1.", "a)", "-"
  key: string; // path segment without punctuation: "Điều 2", "I", "2.1", "a"
}

export interface Block {
  label: Label | null;
  text: string; // the joined text after the label
  table?: string[][]; // rows of an appendix table (cells trimmed)
}

const PATTERNS: [LabelKind, RegExp, (m: RegExpExecArray) => string][] = [
  ['phan', /^(?:Phần|PHẦN)\s+([IVXLC]+|\d+)\s*[.:]?(?=\s|$)/u, (m) => `Phần ${m[1]}`],
  ['chuong', /^(?:Chương|CHƯƠNG)\s+([IVXLC]+|\d+)\s*[.:]?(?=\s|$)/u, (m) => `Chương ${m[1]}`],
  [
    'phuluc',
    /^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?([IVXLC]+|\d+))?\s*(?::|\.|$|(?=\s+\p{Lu}{2,}))/u,
    (m) => (m[1] ? `Phụ lục ${m[1]}` : 'Phụ lục'),
  ],
  ['dieu', /^Điều\s+(\d{1,3})\s*[.:]?(?=\s|$)/u, (m) => `Điều ${m[1]}`],
  ['roman', /^([IVX]{1,6})\.(?=\s|$)/, (m) => m[1] as string],
  ['num3', /^(\d{1,2})\.(\d{1,2})\.(\d{1,2})\.?(?=\s|$)/, (m) => `${m[1]}.${m[2]}.${m[3]}`],
  ['num2', /^(\d{1,2})\.(\d{1,2})\.?(?=\s|$)/, (m) => `${m[1]}.${m[2]}`],
  ['num', /^(\d{1,2})[.)](?=\s|$)/, (m) => m[1] as string],
  ['alpha', /^([a-zđ])\)(?=\s|$)/, (m) => m[1] as string],
  ['step', /^Bước\s+(\d{1,2})\s*[.:](?=\s|$)/u, (m) => `Bước ${m[1]}`],
  ['dash', /^[-–—•](?=\s)/, () => '-'],
  ['plus', /^\+(?=\s|\p{L})/u, () => '+'],
];

export function matchLabel(line: string): { label: Label; rest: string } | null {
  for (const [kind, re, key] of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const rest = line.slice(m[0].length).trim();
    // "2014 trong kế hoạch" is not a label; "1. " must be followed by something that can start an item.
    if ((kind === 'num' || kind === 'num2') && rest && /^[%\d]/.test(rest)) continue;
    // "… quy định tại\nPhần V của Phụ lục I": a reference wrapped onto a new line; a part's title is never lower-case.
    if ((kind === 'phan' || kind === 'chuong') && /^\p{Ll}/u.test(rest)) continue;
    return { label: { kind, printed: m[0].trim(), key: key(m) }, rest };
  }
  return null;
}

const TERMINAL = /(?:[.;!?…]|\.\/\.)["”)]*$/;
const CONNECTOR_END =
  /(?:[,(“"–-]|(?<!\p{L})(?:và|của|với|các|cho|tại|về|số|ngày|theo|là|đến|từ|trong|như|để|do|bởi|hoặc|những|mọi|giữa|thuộc|năm|tháng|ở|qua|vào|trên|dưới|nhằm|gồm|có|được|bằng|sau|trước|sở|bộ|chánh))$/iu;

const SENTENCE_NOUN =
  /^(?:Kế hoạch|Quyết định|Chỉ thị|Nghị quyết|Nghị định|Thông tư|Luật|Chính phủ|Thủ tướng|Nhà nước|Nhân dân|Thành phố|Trung ương|Quốc hội|Việt Nam)(?!\p{L})/u;

function words(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/** How much of a block's end the tests that look at how it ends read: a long block is never scanned whole. */
const TAIL = 200;

/**
 * The block being built, kept line by line: its lines (joined once, when the block ends: appending to one
 * growing string and reading its end flattened it at every line, quadratic in the block's length), its last
 * characters, its word count and whether it is all capitals.
 */
interface Growing {
  parts: string[];
  words: number;
  /** Lines with letters so far, and whether every one of them is in capitals. */
  lettered: boolean;
  upper: boolean;
}

/** The last TAIL or more characters of the block (its whole text when shorter), from its last lines only. */
function endOf(g: Growing): string {
  let i = g.parts.length - 1;
  let s = g.parts[i] ?? '';
  while (s.length < TAIL && --i >= 0) s = `${g.parts[i]} ${s}`;
  return s;
}

function growing(text: string): Growing {
  const g: Growing = { parts: [], words: 0, lettered: false, upper: true };
  if (text) grow(g, text);
  return g;
}

function grow(g: Growing, line: string): void {
  g.parts.push(line);
  if (g.words <= 20) g.words += words(line); // only compared with small numbers: past 20, "many" is enough
  if (g.lettered && !g.upper) return; // a lower-case letter seen: the block is not all capitals, whatever follows
  if (!/\p{L}/u.test(line)) return;
  g.lettered = true;
  g.upper = isUpperText(line);
}

export function buildBlocks(lines: string[]): Block[] {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let blank = false;
  let onLabelLine = false; // still reading the first paragraph of a labelled block
  let g: Growing = growing('');
  const flush = () => {
    if (cur && !cur.table) cur.text = g.parts.join(' ');
  };
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i] as string;
    if (line === '') {
      blank = true;
      continue;
    }
    if (isTableRow(line)) {
      const row = line.includes('\t')
        ? line.split('\t')
        : line
            .replace(/^\s*\|/, '')
            .replace(/\|\s*$/, '')
            .split('|');
      const cells = row.map((c) => c.replace(/<br\s*\/?>/giu, '\n').trim()); // "<br>": a line break inside a cell
      if (cur?.table) cur.table.push(cells);
      else {
        flush();
        blocks.push((cur = { label: null, text: '', table: [cells] }));
      }
      blank = false;
      onLabelLine = false;
      continue;
    }
    // "Điều" alone on a line, its number on the next.
    if (/^Điều$/u.test(line) && /^\d{1,3}\s*[.:]/.test(lines[i + 1] ?? '')) line = `Điều ${lines[++i]}`;
    // "Chương" / "III": a chapter's word alone on a line, its numeral on the next.
    if (/^(?:Chương|CHƯƠNG|Phần|PHẦN)$/u.test(line) && /^(?:[IVXLC]+|\d{1,2})\s*[.:]?$/.test((lines[i + 1] ?? '').trim()))
      line = `${line} ${lines[++i]!.trim()}`;
    let lab = matchLabel(line);
    // "… quy định tại\nĐiều 19 Luật …": a reference wrapped onto a new line, not a new article (those print "Điều 19.").
    if (
      lab &&
      lab.label.kind === 'dieu' &&
      !/^Điều\s+\d{1,3}\s*[.:]/u.test(line) &&
      cur &&
      !cur.table &&
      g.parts.length &&
      !TERMINAL.test(endOf(g)) &&
      !/:$/.test(endOf(g))
    )
      lab = null;
    if (lab) {
      flush();
      blocks.push((cur = { label: lab.label, text: lab.rest }));
      g = growing(lab.rest);
      onLabelLine = true;
      blank = false;
      continue;
    }
    if (cur && !cur.table && shouldJoin(cur, g, line, blank, onLabelLine)) {
      grow(g, line);
    } else {
      flush();
      blocks.push((cur = { label: null, text: line }));
      g = growing(line);
      onLabelLine = false;
    }
    blank = false;
  }
  flush();
  for (const b of blocks)
    b.text = b.text
      .replace(/\s+/g, ' ')
      .replace(/\s+([,.;:])/g, '$1')
      .trim();
  return blocks;
}

/** A heading that starts with the head noun of a body ("Ban Quản lý …", "Sở …", "Trung tâm …"). */
const AGENCY_HEAD = /^(?:Ban|Sở|Bộ|Cục|Chi cục|Trung tâm|Văn phòng|Ủy ban|Uỷ ban|Hội|Đài|Báo|Công an|Kho bạc|Ngân hàng)\s/u;

/** Whether `line` goes on the block being built. O(1) in the block's length: only its tail and `g` are read. */
function shouldJoin(cur: Block, g: Growing, line: string, blank: boolean, onLabelLine: boolean): boolean {
  const prev = endOf(g).trimEnd();
  if (prev === '') return true; // "a)" alone, then its text
  const terminal = TERMINAL.test(prev) || /:$/.test(prev);
  // "Bước 2. Trong vòng 02" / "(hai) ngày làm việc, …": a bracket opening in lower case goes on the sentence.
  if (startsLower(line) || /^[\d,.;)]|^\(\p{Ll}/u.test(line)) return !(blank && terminal);
  // "2. Trách nhiệm của các Sở:" / "Xây dựng, Tài chính, Nội vụ.": the names of a shared head go on the next line.
  if (/(?:các\s+)?(?:Sở|Bộ)\s*:$/u.test(prev) && words(line) <= 12) return !blank;
  if (blank || terminal) return false;
  const prevUpper = g.lettered && g.upper;
  if (prevUpper && !isUpperText(line)) return false; // "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" / "Căn cứ …"
  // "1. Ban" / "Quản lý các khu công nghệ cao …": a heading wrapped right after the head noun of a body.
  if (onLabelLine && /^(?:Ban|Sở|Bộ|Cục|Chi cục|Trung tâm|Văn phòng|Ủy ban|Uỷ ban|Hội|Đài|Báo)$/u.test(prev)) return true;
  // "3. Bộ Tư lệnh" / "Thành phố chủ trì, …": a short name wrapped before its place.
  if (onLabelLine && g.words <= 4 && /^(?:Thành phố|Tỉnh)\s+\p{Ll}/u.test(line)) return true;
  // "… bố trí kinh phí thực hiện" / "Kế hoạch hằng năm.": a sentence wrapped before a capitalised noun goes on.
  if (SENTENCE_NOUN.test(line) && /[.;]$/.test(line) && g.words >= 6 && !/:$/.test(prev)) return true;
  if (CONNECTOR_END.test(prev)) return true;
  // "… lĩnh vực\nCNTT và TT", "… tích hợp\nIoT vào …", "… xác thực\neKYC": an acronym goes on the sentence.
  if (/^(?:[A-ZĐ]{2,}(?:&[A-ZĐ]+)?|[A-Z][a-z][A-Z]+|[a-z][A-Z]{2,})(?![\p{L}])/u.test(line) && !/^(?:QUYẾT|CHỈ|KẾ|ĐIỀU)/u.test(line))
    return true;
  // "V. TỔ CHỨC" / "THỰC HIỆN": an all-capitals heading wrapped in the middle.
  if (onLabelLine && prevUpper && isUpperText(line) && words(line) <= 6) return true;
  // "6. Sở Ngoại" / "Vụ", "đ) Thị trường châu Đại" / "Dương", "2. Ban Quản lý Khu kinh tế" / "Đông Nam": a proper
  // name in a short heading wrapped before its last words (a body's name, or one whose last word is capitalised too;
  // "a) Các quận" / "Mỗi" / "quận xây dựng …" is not one).
  if (onLabelLine && g.words <= 8 && /^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?$/u.test(line)) {
    const named = AGENCY_HEAD.test(g.parts.join(' ').trim());
    if (named || (g.words <= 6 && /\s\p{Lu}\p{Ll}*$/u.test(prev))) return true;
  }
  if (wrapsProvince(prev, line)) return true;
  // A short label line without final punctuation followed by a capitalised line is a heading.
  if (onLabelLine && cur.label && cur.label.kind !== 'dash' && cur.label.kind !== 'plus' && g.words <= 20) return false;
  if (/^(?:Đến năm|Năm|Giai đoạn)\s+\d{4}/u.test(line) && foldKeep(line).endsWith(':')) return false;
  return true;
}
