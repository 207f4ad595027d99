// Who a heading or a sentence names as responsible: one agency, several ("Sở Tài chính, Sở Nội vụ chủ trì"), or a
// group ("các sở, ban, ngành"). Headings come in a few shapes, each a named pattern below.
import type { AgencyRef } from '../../core/types.ts';
import type { MentionFinder } from './mentions.ts';
import { capitalizeFirst, collapse, foldKeep } from './vn.ts';
import { headActs, roleDuty, roleHeading } from './lexicon.ts';

export interface HeadingOwner {
  leads: AgencyRef[];
  addressee: string | null; // a group named instead of agencies
  strong: boolean; // the heading says it assigns ("Trách nhiệm của …", "… có trách nhiệm chủ trì"), not just a name
}

// "Trách nhiệm của X", "Nhiệm vụ, quyền hạn của X", "Nội dung X có trách nhiệm chủ trì", "Đề nghị X", "Giao X".
const OWNER_PREFIX =
  /^(?:(?:trách nhiệm|nhiệm vụ|nhiệm vụ,? quyền hạn|trách nhiệm,? quyền hạn|quyền hạn,? trách nhiệm|quyền và trách nhiệm|chức năng,? nhiệm vụ)(?: và quyền hạn)?(?: cụ thể)?(?: của)?|nội dung(?: phối hợp)?(?: do)?|đối với|giao cho|giao|đề nghị|phân công cho|phân công)\s+/iu;
const OWNER_SUFFIX =
  /\s*(?:có trách nhiệm(?: chủ trì)?(?: thực hiện)?|chịu trách nhiệm(?: chủ trì)?|chủ trì(?: thực hiện)?|thực hiện|phối hợp thực hiện)\s*$/iu;
// "các Sở: Xây dựng, Tài chính, Nội vụ" — one head noun shared by several names.
const SHARED_HEAD = /^(?:các\s+)?(Sở|Bộ|Ban)\s*:\s*(.+)$/u;
const GROUP_HEAD = /^(?:cac|giam doc|thu truong|chu tich|lanh dao|moi)\b/;
const GROUP_WORD = /\b(?:so|ban|nganh|co quan|don vi|doanh nghiep|uy ban|ubnd|cap uy|to chuc|doan the|chinh quyen|dia phuong)\b/;
const NOT_BODIES =
  /^cac (?:giai phap|nhiem vu|noi dung|hoat dong|chuong trinh|du an|de an|chi tieu|muc tieu|van ban|quy dinh|bien phap|chinh sach)\b/;
const PLACE_REST = /^,?\s*(?:tinh|thanh pho|tp\.?|quan|huyen|thi xa|xa|phuong)\b[\p{L}\s.,]{0,30}$/u;

/** Every agency of a list that covers the whole of `s` (allowing a place after the last name), or null. */
export function agencyList(s: string, finder: MentionFinder): AgencyRef[] | null {
  const list = finder.list(s, 0);
  if (list.length === 0) return null;
  const rest = foldKeep(s.slice(list[list.length - 1]!.end)).trim();
  if (rest && !PLACE_REST.test(rest)) return null;
  return list.map((m) => m.ref);
}

/** Resolves a block heading to its owner, or null when the heading does not name who is responsible. */
export function headingOwner(heading: string, finder: MentionFinder): HeadingOwner | null {
  let h = collapse(heading.replace(/\([^)]*\)/g, ' ').replace(/[:.]\s*$/, ''));
  let strong = false;
  const pre = OWNER_PREFIX.exec(h);
  if (pre) {
    h = h.slice(pre[0].length);
    strong = true;
  }
  const suf = OWNER_SUFFIX.exec(h);
  if (suf && suf.index > 0) {
    h = h.slice(0, suf.index);
    strong = true;
  }
  h = h.replace(/^(?:Giám đốc|Thủ trưởng|Chủ tịch)\s+(?=\p{Lu})/u, '');
  const shared = SHARED_HEAD.exec(h);
  if (shared) {
    const head = shared[1] as string;
    const names = (shared[2] as string).split(/\s*(?:,|;|\s+và\s+)\s*/u).filter(Boolean);
    const leads = names.map((n) => finder.at(`${head} ${n}`, 0)?.ref ?? { asWritten: `${head} ${n}`, key: null });
    return { leads, addressee: null, strong: true };
  }
  const f = foldKeep(h);
  const first = finder.at(h, 0);
  // A heading that opens with a group ("Các sở, ban, ngành khác và UBND quận, huyện") addresses all of it.
  // ("Các giải pháp tổ chức thực hiện …" names measures, not bodies).
  if (GROUP_HEAD.test(f) && GROUP_WORD.test(f) && !NOT_BODIES.test(f) && h.split(' ').length <= 30 && (!first || first.generic))
    return { leads: [], addressee: h, strong };
  // "Sở Tài chính - Cơ quan thường trực Ban Chỉ đạo": the agency, then the role it has here.
  const list =
    agencyList(h, finder) ?? (/\s[-–—]\s/u.test(h) ? agencyList(h.split(/\s[-–—]\s/u)[0]!, finder) : null) ?? fieldsName(h, finder);
  if (!list) return pre && /\scủa$/u.test(pre[0].trim()) ? roleOwner(h) : null;
  const specific = list.filter((r) => !isGroup(r.asWritten));
  if (specific.length === 0) return { leads: [], addressee: h, strong };
  // "Đề nghị Ủy ban Mặt trận Tổ quốc tỉnh và các tổ chức chính trị - xã hội": the groups beside it are addressed too.
  const groups = list.filter((r) => isGroup(r.asWritten)).map((r) => r.asWritten);
  return { leads: specific, addressee: groups.length ? groups.join(', ') : null, strong };
}

// "Trung tâm Xúc tiến đầu tư, thương mại và du lịch": a heading that is one body's name with a list of its fields
// after a comma (lower case, which a name inside a sentence never continues with), kept whole as written.
const FIELDS_REST = /^(?:,\s*|\s+và\s+)\p{Ll}[\p{Ll}\s,]*$/u;
const VERB_IN_REST = /(?<!\p{L})(?:chủ trì|phối hợp|thực hiện|có trách nhiệm|tham mưu|chịu trách nhiệm|triển khai)(?!\p{L})/u;

function fieldsName(h: string, finder: MentionFinder): AgencyRef[] | null {
  const first = finder.at(h, 0);
  if (!first || first.generic || h.split(' ').length > 14) return null;
  const rest = h.slice(first.end);
  if (!FIELDS_REST.test(rest) || VERB_IN_REST.test(rest)) return null;
  return [{ asWritten: h, key: finder.keyOf(h) }];
}

// "Trách nhiệm của cơ quan có chức năng quản lý đất đai cấp xã", "… của đơn vị, tổ chức thực hiện nhiệm vụ bồi
// thường": a body named by its role, which no registry holds; it owns the article as written.
// "Trách nhiệm của doanh nghiệp cung cấp dịch vụ …", "… của văn thư cơ quan", "… của cán bộ, công chức", "… của
// Trưởng Ban Chỉ đạo": bodies and people named by their role.
const ROLE_BODY = roleHeading();

function roleOwner(h: string): HeadingOwner | null {
  if (!ROLE_BODY.test(h) || h.split(' ').length > 20) return null;
  return { leads: [{ asWritten: capitalizeFirst(h), key: null }], addressee: null, strong: true };
}

export function isGroup(name: string): boolean {
  const f = foldKeep(name);
  return GROUP_HEAD.test(f) && GROUP_WORD.test(f);
}

// What follows the subject of a duty sentence: "Sở X chủ trì …", "… có trách nhiệm …", "… được giao …", "… tiếp tục
// quản lý …" (not "… tiếp tục phát triển theo hướng …", which a master plan says of what it plans).
const SUBJECT_VERB =
  /^\s*(?:co trach nhiem|chiu trach nhiem|chu tri|duoc giao|lam dau moi|la co quan (?:thuong truc|dau moi|chu tri)|thuc hien|tham muu|xay dung|huong dan|to chuc|trien khai|phoi hop|thu thap|chu dong|khan truong|tich cuc|nghiem tuc|tham gia|can cu|lap|gui|de xuat|trinh|nghien cuu|chi dao|quyet dinh|phe duyet|tiep nhan|quan ly|giai quyet|kiem tra|tong hop|cung cap|bao cao|theo doi|ra soat|bo tri|dam bao|bao dam|cap phep|cap giay|chap thuan|tham dinh|giam dinh|xac nhan|thong bao|huong dan|tien hanh|danh gia|dinh ky|thuong xuyen|ban hanh (?:quyet dinh|ke hoach|quy dinh|van ban|huong dan|va quan ly)|can doi|ra quyet dinh|tiep tuc (?:chu tri|quan ly|ra soat|theo doi|thuc hien|trien khai|to chuc|huong dan|kiem tra|phoi hop|tham muu|xuat cap))\b/;
// A clause between subject and verb: "Sở Tài chính, trên cơ sở đề xuất của …, chủ trì …".
const INSERTED = /^\s*,\s*(?:tren co so|can cu|theo|sau khi|khi|trong pham vi|theo chuc nang)[^;.]{0,250}?,\s*/;
const NOT_DUTY = /^\s+(?:de nghi|yeu cau|kinh de nghi|kinh gui|la|da|ban hanh|duoc thanh lap|gom)\b/;

/**
 * Leads named at the start of a paragraph: "Giao (Giám đốc) Sở X …", "Đề nghị Ủy ban MTTQ …", "Sở X, Sở Y chủ trì …",
 * "Sở X, trên cơ sở …, chủ trì …". `inAssignment`: the paragraph is an item of an assignment ("Điều 1. Giao nhiệm vụ …
 * như sau:"), where any agency followed by a lower-case verb is the lead.
 */
export function explicitLeads(text: string, finder: MentionFinder, opts: { inAssignment?: boolean } = {}): AgencyRef[] {
  // "Phân cấp cho Ủy ban nhân dân các phường thực hiện …", "Ủy quyền cho Sở X …": the work is given the same way.
  // "Khuyến khích Liên đoàn Lao động tỉnh, Hội Nông dân tỉnh …": the bodies a plan counts on, as it counts them.
  const g =
    /^(?:(?:Giao|Đề nghị|Yêu cầu|Phân cấp|Ủy quyền|Uỷ quyền|Khuyến khích)(?:\s+cho)?\s+)(?:(?:Giám đốc|Thủ trưởng|Chủ tịch)\s+)?/u.exec(
      text,
    );
  if (g) {
    const list = finder.list(text, g[0].length).filter((m) => !m.generic);
    if (list.length) return list.map((m) => m.ref);
  }
  const own = subjectAt(text, 0, finder, opts);
  if (own.length || !FRONTED.test(text)) return own;
  // "Hàng năm, Văn phòng UBND tỉnh rà soát …", "Chậm nhất là 30 ngày, trước ngày khai mạc kỳ họp …, Sở X tổng hợp":
  // the subject comes after a time or condition clause.
  // "Trường hợp hàng hóa do hai cấp định giá: Sở X trình …": the clause may end with a colon too.
  for (let i = nextBreak(text, 0); i > 0 && i < 250; i = nextBreak(text, i + 1)) {
    // "Trên cơ sở kết quả …, giao Sở Y tế thành lập đoàn …": the assignment after the clause.
    const give = ASSIGN_AFTER.exec(text.slice(i + 1, i + 40));
    if (give) {
      const list = finder.list(text, i + 1 + give[0].length).filter((m) => !m.generic);
      if (list.length) return list.map((m) => m.ref);
    }
    if (!/^\s*\p{Lu}/u.test(text.slice(i + 1, i + 4))) continue; // a name is capitalised: skip the other commas
    const at = subjectAt(text, i + 1, finder);
    if (at.length) return at;
  }
  return [];
}

const GROUP_START = /^\s*(?:các|sở quản lý|cơ quan (?:chuyên môn|quản lý))\s/iu;

/**
 * The groups named beside agencies in a duty's subject ("Các bộ, cơ quan ngang bộ, Ủy ban nhân dân các tỉnh, thành
 * phố trực thuộc trung ương gửi …"): the agencies are its leads, the groups its addressee too. Null when none.
 */
export function subjectGroups(text: string, finder: MentionFinder): string | null {
  const lead = ROLE.exec(text)?.[0].length ?? 0;
  const list = finder.list(text, lead);
  if (!list.some((m) => !m.generic) || !list.some((m) => m.generic)) return null;
  return list
    .filter((m) => m.generic)
    .map((m) => m.ref.asWritten)
    .join(', ');
}

// The head of a body named before it: "Bộ trưởng Bộ Công an", "Chánh Văn phòng UBND tỉnh", "Giám đốc Sở X".
const ROLE =
  /^\s*(?:(?:Giám đốc|Thủ trưởng|Chủ tịch|Bộ trưởng|Tổng Giám đốc|Cục trưởng|Chi cục trưởng|Viện trưởng|Chánh(?=\s+(?:Văn phòng|Thanh tra)))\s+)?/u;

/**
 * The group or role a duty sentence has for subject, as written: a group ("Các cơ quan, đơn vị liên quan thu thập …",
 * "Căn cứ tình hình thực tế, các cơ quan, đơn vị, địa phương phối hợp thực hiện …"), a body named by its role with its
 * duty (ROLE_DUTY: "Đơn vị thoát nước có trách nhiệm …") or a committee's head acting (HEAD_ACTS: "Trưởng Ban Chỉ đạo
 * quyết định …"). Null when it opens with none of these.
 */
export function groupSubject(text: string, finder: MentionFinder): string | null {
  const label = groupLabel(text, finder);
  if (label) return label;
  const starts = [0];
  if (FRONTED.test(text)) for (let i = nextBreak(text, 0); i > 0 && i < 250; i = nextBreak(text, i + 1)) starts.push(i + 1);
  for (const pos of starts) {
    const lead = pos + (ROLE.exec(text.slice(pos))?.[0].length ?? 0);
    const role = ROLE_DUTY.exec(text.slice(lead, lead + 160)) ?? HEAD_ACTS.exec(text.slice(lead, lead + 120));
    if (role) return collapse(role[1]!);
    // every group opens with "các", but for the kinds of bodies a regulation names bare ("Sở quản lý ngành, lĩnh vực")
    if (!GROUP_START.test(text.slice(lead, lead + 30))) continue;
    const list = finder.list(text, lead);
    if (!list.length || !list.every((m) => m.generic)) continue;
    let end = list[list.length - 1]!.end;
    // "Các cơ quan được phân công chủ trì thực hiện nhiệm vụ … có trách nhiệm": the qualifier names the group.
    end +=
      /^\s+được (?:giao|phân công)[^,;.:]{0,80}?(?=\s+(?:có trách nhiệm|chịu trách nhiệm|chủ động|khẩn trương))/u.exec(text.slice(end))?.[0]
        .length ?? 0;
    // "Sở quản lý ngành, lĩnh vực đối với hàng hóa, dịch vụ thuộc Danh mục … có trách nhiệm": what it is for, skipped.
    const scope = /^\s+đối với\s[^;.:]{0,120}?(?=\s+(?:có trách nhiệm|chịu trách nhiệm)(?!\p{L}))/u.exec(text.slice(end))?.[0].length ?? 0;
    if (SUBJECT_VERB.test(foldKeep(text.slice(end + scope, end + scope + 60)))) return collapse(text.slice(lead, end));
  }
  return null;
}

// "Đề nghị các cấp ủy Đảng, Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tỉnh: Phối hợp …",
// "Các sở, ban, ngành: Căn cứ …": a duty labelled with the groups it is asked of (the label, a colon, the duty).
const GROUP_LABEL = /^\s*(?:(?:Đề nghị|Giao|Yêu cầu)\s+)?([Cc]ác\s[^:;.]{3,200}?)\s*:\s*(?=\p{Lu})/u;

/** The groups labelling a duty, when the label opens with a group and holds no verb of its own. */
function groupLabel(text: string, finder: MentionFinder): string | null {
  const m = GROUP_LABEL.exec(text);
  const verb = /\b(?:co trach nhiem|chiu trach nhiem|chu tri|thuc hien|phoi hop|trien khai|xay dung|can cu|theo doi)\b/;
  if (!m || !finder.at(m[1]!, 0)?.generic || verb.test(foldKeep(m[1]!))) return null;
  // "Các đơn vị … gồm: Công ty …", "Các phòng: ĐTKT, NNMT", "… và các Tập đoàn: Công nghiệp - Năng lượng …": a
  // list of members or of names after the colon, not a duty
  if (/(?:\bgồm|\btập đoàn|\btổng công ty|\bcông ty|\bphòng|(?<!\bcơ )\bsở|\bban|\bbộ|\btrường|\bhội)$/iu.test(m[1]!.trim())) return null;
  return collapse(m[1]!);
}

// A party a regulation names by its role, with the duty it has: "Đơn vị thoát nước có trách nhiệm …" (or "… có các
// nghĩa vụ sau:", never "… có các quyền sau:"), "Cơ quan tiếp nhận kê khai giá có trách nhiệm …", "(Trước khi thi
// công,) chủ đầu tư phải hoàn thiện …". Households and citizens ("hộ gia đình", "cá nhân") are not parties a province
// assigns work to; a role phrase has no comma and no clause word ("theo", "khi", "phối hợp"); "cơ quan chủ trì / phối
// hợp" of a coordination rule name no one; "Các thành viên Hội đồng phải là …" states a qualification, not a duty.
const ROLE_DUTY = roleDuty();

// The head of a steering committee or council acting: "Trưởng Ban Chỉ đạo quyết định …", "Ủy viên Thường trực Ban
// Chỉ đạo điều hành …", "Chủ tịch Hội đồng triệu tập …".
const HEAD_ACTS = headActs();

/** The next "," or ":" from `from`, -1 when none. */
function nextBreak(text: string, from: number): number {
  const m = /[,:]/g;
  m.lastIndex = from;
  return m.exec(text)?.index ?? -1;
}

// "…, giao (Giám đốc) Sở X …": the work given to an agency after a fronted clause.
const ASSIGN_AFTER = /^\s*(?:giao|đề nghị|yêu cầu)(?:\s+cho)?\s+(?:(?:Giám đốc|Thủ trưởng|Chủ tịch)\s+)?(?=\p{Lu})/u;
// Time and condition clauses that open a duty sentence before its subject.
const FRONTED =
  /^(?:h[àằ]ng (?:năm|quý|tháng|tuần)|định kỳ|trong (?:thời hạn|thời gian|vòng|\d)|chậm nhất|trước ngày|trước khi|sau khi|sau (?:thời gian|thời hạn)|khi |kể từ|trong trường hợp|ngay sau|căn cứ|trên cơ sở|đối với|trường hợp)/iu;

/** The leads of a sentence whose subject starts at `pos`: "Sở X, Sở Y chủ trì …", "+ Sở Công Thương: …". */
function subjectAt(text: string, pos: number, finder: MentionFinder, opts: { inAssignment?: boolean } = {}): AgencyRef[] {
  const lead = pos + (ROLE.exec(text.slice(pos))?.[0].length ?? 0);
  const list = finder.list(text, lead);
  if (list.length === 0 || list.every((m) => m.generic)) return [];
  // Only the words right after the subject are read (a clause inserted is at most 250 characters).
  const end = list[list.length - 1]!.end;
  let after = foldKeep(text.slice(end, end + 400)).replace(/^\s*\([^)]*\)/, '');
  const ins = INSERTED.exec(after);
  if (ins) after = after.slice(ins[0].length - 1);
  const specific = list.filter((m) => !m.generic);
  const known = specific.some((m) => m.ref.key) || specific.some((m) => m.ref.asWritten.split(' ').length >= 2);
  if (!known) return [];
  if (SUBJECT_VERB.test(after) || (opts.inAssignment && /^\s+[a-z]/.test(after) && !NOT_DUTY.test(after)))
    return specific.map((m) => m.ref);
  // "+ Sở Công Thương: hướng dẫn …" — a duty labelled with its agency.
  if (/^\s*:\s*\S/.test(after) && specific.length === list.length) return specific.map((m) => m.ref);
  return [];
}
