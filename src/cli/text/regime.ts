// The words of `cli regime create|load|show|edit|list`.
import { catalog } from '../../core/i18n.ts';
import { frequencyLabel } from '../../core/locale.ts';

const FREQUENCY_EN: Record<string, string> = { month: 'monthly', quarter: 'quarterly', 'half-year': 'half-yearly', year: 'yearly' };

export const REGIME_TEXT = catalog({
  vi: {
    group: 'Chế độ báo cáo (Nghị định 09/2019/NĐ-CP)',
    create: 'Đề xuất chế độ báo cáo từ chỉ tiêu và nhiệm vụ của một văn bản, nhóm theo cơ quan chủ trì',
    createFrom: 'số hiệu (ví dụ 37/KH-STTTT) hoặc mã số văn bản',
    createCode: 'mã chế độ báo cáo',
    deadlineDays: 'hạn nộp: số ngày sau khi hết kỳ',
    createOut: 'ghi định nghĩa YAML để rà soát (mặc định data/regimes/<mã>.yaml)',
    createForce: 'thay tệp và chế độ báo cáo đang dùng (mặc định: không ghi đè, ghi <mã>.proposed.yaml bên cạnh)',
    badFrequency: (f: string, allowed: string) => `Tần suất "${f}" không hợp lệ; chọn: ${allowed}.`,
    badDeadlineDays: (typed: string) =>
      `--deadline-days "${typed}" không hợp lệ: số ngày sau cuối kỳ để nộp báo cáo, một số nguyên không âm (vd. 10).`,
    created: (code: string, items: number, agencies: number) => `Đã tạo chế độ báo cáo ${code}: ${items} mục cho ${agencies} cơ quan.`,
    agencyItems: (agency: string, items: number) => `  ${agency}: ${items} mục`,
    review: (code: string, path: string) =>
      `Rà soát: npm run cli -- regime show ${code}; sửa tệp ${path} rồi: npm run cli -- regime edit ${code} --file ${path}`,
    onFile: (file: string) => `tệp ${file}`,
    database: 'cơ sở dữ liệu',
    exists: (code: string, file: string | null, live: boolean) =>
      `Chế độ báo cáo ${code} đã có (${file ? `tệp ${file}` : 'chưa có tệp'}${live ? ', đang dùng' : ''}): không ghi đè tệp, không thay chế độ đang dùng.`,
    proposal: (path: string, items: number) => `Đề xuất mới: ${path} (${items} mục; không được nạp khi khởi động).`,
    diffVsProposal: (where: string, diff: string) => `Khác biệt so với ${where} ("-" hiện có, "+" đề xuất):\n${diff}`,
    sameAsProposal: (where: string) => `Đề xuất giống hệt ${where}.`,
    useProposal: (proposed: string, target: string, force: string) =>
      `Để dùng đề xuất: rà soát ${proposed}, chép nội dung cần lấy vào ${target} rồi chạy: npm run cli -- regime load ${target}` +
      `\nHoặc thay hẳn tệp và chế độ đang dùng bằng đề xuất: ${force}`,
    editHint: (code: string, path: string) => `Sửa tệp rồi chạy: npm run cli -- regime edit ${code} --file ${path}`,
    exported: (path: string, hint: string) => `Đã xuất ${path}. ${hint}`,
    fileMatches: (file: string, hint: string) => `Tệp ${file} khớp với chế độ đang dùng; không ghi gì thêm. ${hint}`,
    liveDiffers: (file: string, copy: string) =>
      `Chế độ đang dùng khác tệp ${file}; tệp được giữ nguyên, bản đang dùng ghi ra ${copy} (không nạp khi khởi động).`,
    diffVsLive: (diff: string) => `Khác biệt ("-" trong tệp, "+" đang dùng):\n${diff}`,
    copyWanted: (file: string, hint: string) => `Chép phần cần giữ vào ${file}. ${hint}`,
    load: 'Nạp (tạo hoặc thay) chế độ báo cáo từ tệp YAML/JSON viết tay, ví dụ data/regimes/x.yaml',
    loadCreated: 'tạo mới',
    loadUnchanged: 'không có gì thay đổi',
    loadUpdated: (added: number, changed: number, removed: number, fields: string) =>
      `cập nhật: thêm ${added}, sửa ${changed}, bỏ ${removed} mục${fields ? `; trường ${fields}` : ''}`,
    loaded: (code: string, items: number, what: string) => `Đã nạp chế độ báo cáo ${code} (${items} mục) — ${what}.`,
    show: 'In định nghĩa chế độ báo cáo (YAML, nhóm theo cơ quan)',
    json: 'in JSON',
    yamlNote: (note: string) => `# Lưu ý: ${note}`,
    edit: 'Sửa qua tệp: không có --file thì xuất ra thư mục chế độ báo cáo (không ghi đè tệp đã có); có --file thì nạp lại',
    editFile: 'tệp YAML/JSON đã sửa',
    codeMismatch: (onFile: string, code: string) => `Tệp định nghĩa mã "${onFile}", không phải "${code}".`,
    updated: (code: string, items: number) => `Đã cập nhật chế độ báo cáo ${code} (${items} mục).`,
    list: 'Các chế độ báo cáo',
    noRegimes: 'Chưa có chế độ báo cáo. Tạo: npm run cli -- regime create --from <văn bản> hoặc regime load <tệp>',
    frequency: (f: string) => frequencyLabel(f),
    regimeLine: (code: string, name: string, freq: string, days: number, items: number, periods: number, paused: boolean) =>
      `${code} — ${name} (${freq}, hạn ${days} ngày sau kỳ; ${items} mục, ${periods} kỳ)${paused ? ' [tạm dừng]' : ''}`,
  },
  en: {
    group: 'Reporting regimes (Decree 09/2019/NĐ-CP)',
    create: "Propose a reporting regime from a document's targets and tasks, grouped by lead agency",
    createFrom: 'document number (e.g. 37/KH-STTTT) or document id',
    createCode: 'regime code',
    deadlineDays: 'deadline: days after the period ends',
    createOut: 'write the YAML definition for review (default data/regimes/<code>.yaml)',
    createForce: 'replace the file and the regime in use (default: no overwrite, write <code>.proposed.yaml beside it)',
    badFrequency: (f: string, allowed: string) => `Invalid frequency "${f}"; choose: ${allowed}.`,
    badDeadlineDays: (typed: string) =>
      `Invalid --deadline-days "${typed}": the days after the period's end to send the report in, a whole number (e.g. 10).`,
    created: (code: string, items: number, agencies: number) =>
      `Created reporting regime ${code}: ${items} items for ${agencies} agencies.`,
    agencyItems: (agency: string, items: number) => `  ${agency}: ${items} items`,
    review: (code: string, path: string) =>
      `Review: npm run cli -- regime show ${code}; edit ${path}, then: npm run cli -- regime edit ${code} --file ${path}`,
    onFile: (file: string) => `file ${file}`,
    database: 'the database',
    exists: (code: string, file: string | null, live: boolean) =>
      `Reporting regime ${code} already exists (${file ? `file ${file}` : 'no file'}${live ? ', in use' : ''}): the file is not overwritten and the regime in use is not replaced.`,
    proposal: (path: string, items: number) => `New proposal: ${path} (${items} items; not loaded at start).`,
    diffVsProposal: (where: string, diff: string) => `Differences from ${where} ("-" existing, "+" proposed):\n${diff}`,
    sameAsProposal: (where: string) => `The proposal is identical to ${where}.`,
    useProposal: (proposed: string, target: string, force: string) =>
      `To use the proposal: review ${proposed}, copy what you want into ${target}, then run: npm run cli -- regime load ${target}` +
      `\nOr replace the file and the regime in use with the proposal: ${force}`,
    editHint: (code: string, path: string) => `Edit the file, then run: npm run cli -- regime edit ${code} --file ${path}`,
    exported: (path: string, hint: string) => `Exported ${path}. ${hint}`,
    fileMatches: (file: string, hint: string) => `${file} matches the regime in use; nothing more written. ${hint}`,
    liveDiffers: (file: string, copy: string) =>
      `The regime in use differs from ${file}; the file is kept as it is, the regime in use is written to ${copy} (not loaded at start).`,
    diffVsLive: (diff: string) => `Differences ("-" in the file, "+" in use):\n${diff}`,
    copyWanted: (file: string, hint: string) => `Copy what you want to keep into ${file}. ${hint}`,
    load: 'Load (create or replace) a reporting regime from a hand-written YAML/JSON file, e.g. data/regimes/x.yaml',
    loadCreated: 'created',
    loadUnchanged: 'nothing changed',
    loadUpdated: (added: number, changed: number, removed: number, fields: string) =>
      `updated: ${added} added, ${changed} changed, ${removed} removed items${fields ? `; fields ${fields}` : ''}`,
    loaded: (code: string, items: number, what: string) => `Loaded reporting regime ${code} (${items} items) — ${what}.`,
    show: 'Print the definition of a reporting regime (YAML, grouped by agency)',
    json: 'print JSON',
    yamlNote: (note: string) => `# Note: ${note}`,
    edit: 'Edit through a file: without --file, export it to the regimes folder (an existing file is not overwritten); with --file, load it back',
    editFile: 'the edited YAML/JSON file',
    codeMismatch: (onFile: string, code: string) => `The file defines code "${onFile}", not "${code}".`,
    updated: (code: string, items: number) => `Updated reporting regime ${code} (${items} items).`,
    list: 'Reporting regimes',
    noRegimes: 'No reporting regimes yet. Create one: npm run cli -- regime create --from <document> or regime load <file>',
    frequency: (f: string) => FREQUENCY_EN[f] ?? f,
    regimeLine: (code: string, name: string, freq: string, days: number, items: number, periods: number, paused: boolean) =>
      `${code} — ${name} (${freq}, due ${days} days after the period; ${items} items, ${periods} periods)${paused ? ' [paused]' : ''}`,
  },
});
