// Document metadata: type, number, issuer, province, date, signer, title, period.
import type { ParseWarning } from '../../core/parse-warnings.ts';
import type { DocumentType } from '../../core/types.ts';
import { typeOfCode, typeOfWords } from '../../core/doc-types.ts';
import type { AgencyRegistry } from '../agencies.ts';
import { signerOf, type Chunk } from './split.ts';
import { collapse, findProvince, foldKeep, isUpperText, provinceAt, provinceWithin, sentenceCase, capitalizeFirst } from './vn.ts';

export interface Meta {
  type: DocumentType;
  number: string | null;
  issuer: string | null;
  province: string | null;
  issueDate: string | null;
  year: number | null;
  signer: string | null;
  title: string;
  period: string | null;
  approvesNumber: string | null;
  warnings: ParseWarning[];
}

// "17/CT-UBND", "24-CT/TU", "1578/QĐ-UBND", "37/KH-STTTT", "20/2006/CT-UBND"
export const DOC_NUMBER = /\d{1,5}(?:\/\d{4})?[/-][\p{Lu}Đ]{1,6}(?:[-/][\p{Lu}Đ0-9][\p{Lu}\p{Ll}Đ0-9]{0,11}){1,3}/u;

const NATIONAL_ISSUER =
  /^(?:chinh phu|thu tuong|bo [a-z]|quoc hoi|uy ban thuong vu quoc hoi|van phong chinh phu|ngan hang nha nuoc viet nam|kiem toan nha nuoc|toa an nhan dan toi cao|vien kiem sat nhan dan toi cao)/;

function typeOf(word: string | null, num: string | null): DocumentType {
  const fw = word ? foldKeep(word).trim() : '';
  const code = num ? foldKeep(num).match(/[/-]([a-z]+)[/-]/)?.[1] : undefined;
  return typeOfWords(fw) ?? (code ? typeOfCode(code) : null) ?? 'Văn bản';
}

function isoDate(d: string, m: string, y: string): string | null {
  const dd = Number(d);
  const mm = Number(m);
  const yy = Number(y);
  if (dd < 1 || dd > 31 || mm < 1 || mm > 12 || yy < 1945 || yy > 2100) return null;
  return `${yy}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

const MAX_ISSUER = 200;

/** "ỦY BAN NHÂN DÂN TỈNH CÀ MAU SỞ THÔNG TIN VÀ TRUYỀN THÔNG" → "Sở Thông tin và Truyền thông tỉnh Cà Mau". */
function issuerFrom(lines: string[], registry: AgencyRegistry): { issuer: string | null; province: string | null } {
  const text = collapse(lines.join(' '));
  // A header cell is a few words ("BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG / CỤC BẢO TỒN …", 72 letters at most in the corpus):
  // hundreds of them are body text mistaken for a header, never an issuer to print in a citation.
  if (!text || text.length > MAX_ISSUER) return { issuer: null, province: null };
  const ft = foldKeep(text);
  const top = /^(?:uy ban nhan dan|ubnd|tinh uy|thanh uy|hoi dong nhan dan|hdnd)\s*(tinh|thanh pho|tp\.?)?\s*/.exec(ft);
  const province = findProvince(text) ?? (top ? provinceAt(text.slice(top[0].length)) : null);
  const after = top ? top[0].length : 0;
  const rel = ft.slice(after).search(/(?:^|\s)(?:so|ban|van phong|dai|trung tam)\s/);
  const unit = rel >= 0 ? after + rel + (ft[after + rel] === ' ' ? 1 : 0) : -1;
  const place = province
    ? /thanh pho|^tp/.test(top?.[1] ?? '') || /\bthanh pho\b/.test(ft)
      ? `thành phố ${province}`
      : `tỉnh ${province}`
    : '';
  if (unit > 0) {
    const sub = text.slice(unit);
    const ref = registry.resolve(sub);
    const name = ref.key ? (registry.get(ref.key)?.name ?? sub) : isUpperText(sub) ? sentenceCase(sub) : sub;
    return { issuer: collapse(`${name} ${place}`), province };
  }
  if (/^(?:uy ban nhan dan|ubnd)/.test(ft)) return { issuer: collapse(`UBND ${place}`), province };
  if (/^(?:tinh uy|thanh uy)/.test(ft))
    return { issuer: `${/^thanh/.test(ft) ? 'Thành ủy' : 'Tỉnh ủy'} ${province ?? ''}`.trim(), province };
  return { issuer: isUpperText(text) ? sentenceCase(text) : text, province };
}

function periodOf(title: string): string | null {
  const t = foldKeep(title);
  const range = /giai doan\s+(\d{4})\s*[-–]\s*(\d{4})/.exec(t);
  if (range) return `${range[1]} - ${range[2]}`;
  const until = /den nam\s+(\d{4})(?:\s*,?\s*(?:va\s+)?(?:dinh huong|tam nhin)(?:\s+den)?(?:\s+nam)?\s+(\d{4}))?/.exec(t);
  if (until) return until[2] ? `đến năm ${until[1]}, định hướng đến năm ${until[2]}` : `đến năm ${until[1]}`;
  const year = /\bnam\s+(\d{4})\s*$/.exec(t);
  if (year) return `năm ${year[1]}`;
  const bare = /\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b/.exec(t);
  return bare ? `${bare[1]} - ${bare[2]}` : null;
}

/** "Ủy ban nhân dân thành phố Cần Thơ chỉ thị các sở…" in the preamble of a text without header: its issuer. */
function issuerInBody(bodyText: string, province: string | null): { issuer: string; province: string } | null {
  const fb = foldKeep(bodyText);
  const re = /(uy ban nhan dan|ubnd|tinh uy|thanh uy)\s+(tinh|thanh pho)\s+/g;
  for (let x = re.exec(fb); x; x = re.exec(fb)) {
    const p = provinceAt(bodyText.slice(x.index + x[0].length));
    if (!p || (province && p !== province)) continue;
    const body = /uy ban|ubnd/.test(x[1] as string) ? 'UBND' : /^thanh/.test(x[1] as string) ? 'Thành ủy' : 'Tỉnh ủy';
    return { issuer: `${body} ${x[2] === 'tinh' ? 'tỉnh' : 'thành phố'} ${p}`, province: p };
  }
  return null;
}

export function extractMeta(c: Chunk, bodyText: string, registry: AgencyRegistry): Meta {
  const warnings: ParseWarning[] = [];
  const header = collapse(c.headerLines.join(' '));
  const lede = c.headline
    ? collapse(
        c.body
          .filter((l) => l)
          .slice(0, 3)
          .join(' '),
      )
    : '';
  const fHeader = foldKeep(header);

  let number: string | null = null;
  // "Số: 308/2025/NĐ-CP", also without its colon ("Số 2696/QĐ-UBND")
  const so = /\bso\s*:\s*/.exec(fHeader) ?? /\bso\s+(?=\d)/.exec(fHeader);
  if (so) number = DOC_NUMBER.exec(header.slice(so.index + so[0].length))?.[0] ?? null;
  let issueDate: string | null = null;
  let place: string | null = null;
  const dm = /([\p{L} .-]{2,40}?),\s*ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(header);
  if (dm) {
    // The place before ", ngày" may follow other header text on the same line (no table cells to separate it).
    place = provinceAt(dm[1] as string) ?? provinceWithin(dm[1] as string);
    issueDate = isoDate(dm[2] as string, dm[3] as string, dm[4] as string);
  }
  let { issuer, province } = issuerFrom(c.issuerLines, registry);
  // A national body (Chính phủ, Thủ tướng, a ministry, Quốc hội) issues for the whole country: "Hà Nội, ngày …" is
  // only where it signed.
  const national = NATIONAL_ISSUER.test(foldKeep(collapse(c.issuerLines.join(' '))));
  province = national ? null : (province ?? place);

  let typeWord = c.typeWord;
  if (lede) {
    // "ngày 02/8/2012, Tỉnh ủy Lào Cai ban hành Chỉ thị số 24-CT/TU về …"
    const m = /ngày\s+(\d{1,2})\/(\d{1,2})\/(\d{4}),?\s+(.{3,80}?)\s+(?:đã\s+)?(?:ký\s+)?ban hành\s+(\p{L}+\s+\p{L}+)\s+số\s+(\S+)/u.exec(
      lede,
    );
    if (m) {
      issueDate = issueDate ?? isoDate(m[1] as string, m[2] as string, m[3] as string);
      issuer = issuer ?? collapse(m[4] as string);
      typeWord = typeWord ?? (m[5] as string);
      number = number ?? DOC_NUMBER.exec(m[6] as string)?.[0] ?? null;
    }
  }

  const rawTitle = collapse(c.titleLines.join(' '));
  const title = rawTitle ? capitalizeFirst(isUpperText(rawTitle) ? sentenceCase(rawTitle) : rawTitle) : '';
  if (!province && !national) province = findProvince(title) ?? (issuer ? findProvince(issuer) : null);
  if (!issuer) {
    const found = issuerInBody(bodyText, province);
    if (found) {
      ({ issuer } = found);
      province = province ?? found.province;
      warnings.push({ code: 'issuer-from-body', issuer: found.issuer });
    }
  }
  if (!province && !national) province = findProvince(bodyText.slice(0, 3000));

  const period = periodOf(rawTitle);
  let year = issueDate ? Number(issueDate.slice(0, 4)) : null;
  if (year === null) {
    const start = period?.match(/\d{4}/)?.[0];
    if (start && period && /^\d{4} - /.test(period)) {
      year = Number(start);
      warnings.push({ code: 'year-from-period', year, period });
    } else warnings.push({ code: 'no-date' });
  }
  if (!number) warnings.push({ code: 'no-number' });

  // "Phê duyệt Kế hoạch … (kèm theo Kế hoạch số 37/KH-STTTT …)"
  let approvesNumber: string | null = null;
  const art1 = bodyText.search(/Điều\s+1\s*[.:]/u);
  const scope = art1 >= 0 ? bodyText.slice(art1, art1 + 1500) : '';
  const ap = /phê duyệt[\s\S]{0,400}?(?:Kế hoạch|Quy hoạch|Đề án|Chương trình)\s+số\s+/iu.exec(scope);
  if (ap) approvesNumber = DOC_NUMBER.exec(scope.slice(ap.index + ap[0].length, ap.index + ap[0].length + 40))?.[0] ?? null;

  return {
    type: typeOf(typeWord, number),
    number,
    issuer,
    province,
    issueDate,
    year,
    signer: signerOf(c.trailer),
    title,
    period,
    approvesNumber,
    warnings,
  };
}
