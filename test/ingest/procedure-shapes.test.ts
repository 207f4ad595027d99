// A decision issuing a procedure ("QUY TRÌNH", its "(Ban hành kèm theo …)" note wrapped after "(Ban"), in the shapes
// real 2025 regulations have (test/ingest/fixtures/tuyen-quang-2025-…): duties of bodies named by their kind ("Sở quản
// lý ngành, lĩnh vực") or role ("Đơn vị quản lý cơ sở dữ liệu"), a subject after "Trường hợp …:", work given by
// "Phân cấp cho", agency headings under "Cơ quan thực hiện nhiệm vụ …", a duty whose items are its scope ("… đối
// với:"), and the numbered steps ("Bước 1.") of a procedure owned by the sentence before them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, tasksIn } from './helpers.ts';

const name = 'tuyen-quang-2025-quyet-dinh-quy-trinh-phan-cong.md';
const docs = parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8'), name);
const steps = docs[1]!;
const who = (path: string) => tasksIn(steps, path).map((t) => [...t.leads.map((l) => l.asWritten), t.addressee].filter(Boolean));

describe('a procedure issued with a decision', () => {
  it('is a document of its own, of type Quy trình, even when its note is wrapped after "(Ban"; "Chương" / "II" is a chapter', () => {
    expect(docs.map((d) => d.type)).toEqual(['Quyết định', 'Quy trình']);
    expect(docs[0]!.approvesPart).toBe(1);
    expect(docs[0]!.tasks).toEqual([]); // the decision only issues it
    expect(steps.title).toMatch(/^Phối hợp quản lý giá/u);
    expect(steps.sections.filter((x) => x.level === 0).map((x) => x.path)).toEqual(['Chương I', 'Chương II']);
  });

  it('reads duties of bodies named by their kind or role, as addressees', () => {
    expect(who('Chương I.Điều 1.1')).toEqual([['Sở quản lý ngành, lĩnh vực']]);
    expect(who('Chương I.Điều 2.2')).toEqual([['Đơn vị quản lý cơ sở dữ liệu về giá']]);
    expect(tasksIn(steps, 'Chương I.Điều 2.2')[0]?.deadline).toBe('hằng tháng');
  });

  it('reads a body named by its kind with what it is for between name and duty ("… đối với hàng hóa … có trách nhiệm")', () => {
    expect(who('Chương I.Điều 2.3')).toEqual([['Sở quản lý ngành, lĩnh vực']]);
    expect(tasksIn(steps, 'Chương I.Điều 2.3')[0]?.deadline).toBe('hằng quý');
  });

  it('gives the items of "Đối với …: Đơn vị X có trách nhiệm:" and "… có các nghĩa vụ sau:" to X, not "… có các quyền sau:"', () => {
    expect(who('Chương I.Điều 2.4.a')).toEqual([['Đơn vị quản lý cơ sở dữ liệu về giá']]);
    expect(tasksIn(steps, 'Chương I.Điều 2.4.b')).toEqual([]); // "Các nhiệm vụ khác theo quy định của pháp luật."
    expect(tasksIn(steps, 'Chương I.Điều 2.5.a')).toEqual([]);
    expect(who('Chương I.Điều 2.6.a')).toEqual([['Đơn vị vận hành phần mềm']]);
  });

  it('finds the subject after a condition ending with a colon, and work given by "Phân cấp cho"', () => {
    expect(who('Chương I.Điều 1.2')).toEqual([['Sở Tài chính']]);
    expect(who('Chương I.Điều 1.3')).toEqual([['Ủy ban nhân dân các xã, phường']]);
    // a role after "Trước khi …,"; "Sở X tiếp tục …"
    expect(who('Chương I.Điều 1.4')).toEqual([['đơn vị quản lý chợ']]);
    expect(who('Chương I.Điều 2.7')).toEqual([['Sở Tài chính']]);
  });

  it('keeps a duty whose items are what it covers as one task', () => {
    const t = tasksIn(steps, 'Chương I.Điều 2.1');
    expect(t).toHaveLength(1);
    expect(t[0]!.text).toMatch(/đối với: Giá hàng hóa, dịch vụ do Ủy ban nhân dân tỉnh định giá; Kết quả thẩm định giá/u);
    expect(tasksIn(steps, 'Chương I.Điều 2.1.a')).toEqual([]);
  });

  it('gives the items under agency headings of "Cơ quan thực hiện nhiệm vụ kiểm tra" to those agencies', () => {
    expect(who('Chương I.Điều 3.1.a')).toEqual([['Sở Tài chính']]);
    expect(tasksIn(steps, 'Chương I.Điều 3.1.b')[0]?.deadline).toBe('trước ngày 15/12/2026');
    // partners named "lực lượng Công an tỉnh" and a group qualified "của tỉnh" before the next name
    expect(tasksIn(steps, 'Chương I.Điều 3.1.c')[0]?.coordinators.map((c) => c.asWritten)).toEqual([
      'lực lượng Công an tỉnh',
      'các sở, ban, ngành của tỉnh',
      'Ủy ban nhân dân các xã, phường',
    ]);
    // "Phối hợp <name>" without "với"; a name inside another ("Chi nhánh Văn phòng …") is still a partner of its own
    const d = tasksIn(steps, 'Chương I.Điều 3.1.d')[0]!;
    expect(d.coordinators.map((c) => c.asWritten)).toEqual(['Văn phòng đăng ký đất đai', 'Chi nhánh Văn phòng đăng ký đất đai']);
    expect(d.deadline).toBe('trước ngày 30 tháng 01 năm sau');
    // a plan's horizon is no deadline; a year to reach is
    expect(tasksIn(steps, 'Chương I.Điều 3.1.đ')[0]?.deadline).toBeNull();
    expect(tasksIn(steps, 'Chương I.Điều 3.1.e')[0]?.deadline).toBe('đến năm 2030');
    // "làm việc với" names partners as "phối hợp với" does; "các cơ quan thông tin truyền thông" is one group
    expect(tasksIn(steps, 'Chương I.Điều 3.1.g')[0]?.coordinators.map((c) => c.asWritten)).toEqual([
      'Sở Công Thương',
      'các cơ quan thông tin truyền thông của tỉnh',
    ]);
    expect(who('Chương I.Điều 3.2.a')).toEqual([['Ủy ban nhân dân các xã, phường']]);
    // a partner named by its role in lower case, cut before the verb that follows it
    expect(tasksIn(steps, 'Chương I.Điều 3.2.b')[0]?.coordinators.map((c) => c.asWritten)).toEqual([
      'đơn vị điện lực',
      'các đơn vị liên quan',
    ]);
    // "thường xuyên" right before the verb inside a sentence is when it is done; "chi thường xuyên" is a kind of spending
    expect(tasksIn(steps, 'Chương I.Điều 3.2.c')[0]?.deadline).toBe('thường xuyên');
    expect(tasksIn(steps, 'Chương I.Điều 3.2.d')[0]?.deadline).toBeNull();
  });

  it('reads a long addressee heading ("Đề nghị <body> và các tổ chức chính trị - xã hội trực thuộc") as the owner of its items', () => {
    expect(tasksIn(steps, 'Chương II.Điều 5.1')).toEqual([]); // the heading is no task
    expect(who('Chương II.Điều 5.1.-1')).toEqual([
      ['Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Tuyên Quang', 'các tổ chức chính trị - xã hội trực thuộc'],
    ]);
    expect(who('Chương II.Điều 5.1.-2')).toHaveLength(1);
    expect(tasksIn(steps, 'Chương II.Điều 5.2')).toEqual([]); // "Yêu cầu … nghiêm túc triển khai thực hiện./." closes
  });

  it('gives the clauses of "Trách nhiệm của doanh nghiệp cung cấp …" to that business', () => {
    expect(who('Chương II.Điều 6.1')).toEqual([['Doanh nghiệp cung cấp phần mềm quản lý giá']]);
    expect(tasksIn(steps, 'Chương II.Điều 6.2')[0]?.deadline).toBe('trong vòng 04 giờ làm việc');
    // a person named by role ("Trưởng Ban Chỉ đạo …"); "… thông báo để … biết, thực hiện./." is the closing formula
    expect(who('Chương II.Điều 7.1')).toEqual([['Trưởng Ban Chỉ đạo xét duyệt hồ sơ']]);
    expect(tasksIn(steps, 'Chương II.Điều 7.2')).toEqual([]);
    // members named by role with their duty; a qualification ("… phải là lãnh đạo cấp phòng") is none
    expect(who('Chương II.Điều 8.1')).toEqual([['Thành viên Ban Chỉ đạo']]);
    expect(tasksIn(steps, 'Chương II.Điều 8.2')).toEqual([]);
    expect(who('Chương II.Điều 8.3')).toEqual([['Ban Chỉ đạo']]); // "Ban Chỉ đạo định kỳ hoặc đột xuất kiểm tra …"
    // "… ban hành quyết định …" is a duty of who issues it
    expect(who('Chương II.Điều 8.4')).toEqual([['Ủy ban nhân dân tỉnh']]);
    expect(who('Chương II.Điều 8.5')).toEqual([['Quỹ hỗ trợ nhà ở tỉnh']]);
    expect(who('Chương II.Điều 8.6')).toEqual([['Trưởng Ban Chỉ đạo']]); // the committee's head acting
    // "Chủ tịch Ủy ban nhân dân xã ra quyết định …", "…, Sở Tài chính cân đối kinh phí …"
    expect(who('Chương II.Điều 8.7')).toEqual([['Ủy ban nhân dân xã']]);
    expect(who('Chương II.Điều 8.8')).toEqual([['Sở Tài chính']]);
    expect(tasksIn(steps, 'Chương II.Điều 8.4')[0]?.deadline).toBe('Trong 05 ngày làm việc kể từ ngày nhận báo cáo của Ban Chỉ đạo');
  });

  it('reads each step: its own subject when it names one, else the body the sentence before the steps names', () => {
    expect(steps.sections.filter((s) => s.label.startsWith('Bước')).map((s) => s.path)).toEqual([
      'Chương II.Điều 4.Bước 1',
      'Chương II.Điều 4.Bước 2',
      'Chương II.Điều 4.Bước 3',
      'Chương II.Điều 4.Bước 4',
    ]);
    expect(who('Chương II.Điều 4.Bước 1')).toEqual([['Ủy ban nhân dân xã']]);
    expect(who('Chương II.Điều 4.Bước 2')).toEqual([['Phòng Văn hóa - Xã hội']]);
    expect(who('Chương II.Điều 4.Bước 3')).toEqual([['Ủy ban nhân dân xã']]);
    expect(tasksIn(steps, 'Chương II.Điều 4.Bước 2')[0]?.deadline).toBe('Trong vòng 03 (ba) ngày làm việc');
    expect(tasksIn(steps, 'Chương II.Điều 4.Bước 2')[0]?.text).toMatch(/^Trong vòng 03 \(ba\) ngày làm việc, sau khi/u);
    // "Sau thời gian niêm yết, Phòng … tiến hành …"; "Nơi nhận kết quả." and the places listed under it are no duties
    expect(tasksIn(steps, 'Chương II.Điều 4.Bước 4').map((t) => t.leads.map((l) => l.asWritten))).toEqual([['Phòng Văn hóa - Xã hội']]);
    expect(steps.tasks.filter((t) => steps.sections[t.section]!.path.startsWith('Chương II.Điều 4.Bước 4.'))).toEqual([]);
  });
});
