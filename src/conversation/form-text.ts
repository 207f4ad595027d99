// What the reporting form says, in the person's language: prompts, commands, summaries, the end and the sending.
// The commands keep their Vietnamese words in both languages (the English words are understood too); numbers
// are written the Vietnamese way (85,5 and 1.728), as the form reads them. Stored notes stay Vietnamese.
import { catalog, countOf } from '../core/i18n.ts';
import { ANSWER_WORDS } from '../reporting/answer-text.ts';

export interface IntroFacts {
  period: string;
  regime: string;
  agency: string;
  deadline: string;
  reopenedAt: string | null;
  items: number;
  done: number;
}

export const FORM_TEXT = catalog({
  vi: {
    ...ANSWER_WORDS('vi'),
    sendReport: 'Gửi báo cáo',
    notYet: 'Chưa gửi',
    saveAsNote: 'Lưu làm ghi chú',
    itIsAQuestion: 'Đây là câu hỏi',
    keepNumber: 'Đúng, giữ số này',
    retype: 'Nhập lại',
    inYear: (target: string, year: number) => `${target} năm ${year}`,
    documentWords: (text: string) => text,
    deadline: (t: string) => `Thời hạn: ${t}`,
    target: (t: string) => `Mục tiêu ${t}`,
    previous: (p: string) => `kỳ trước: ${p}`,
    item: (n: number, of: number, label: string) => `Câu ${n}/${of}. ${label}?`,
    task: (n: number, of: number, label: string) => `Câu ${n}/${of}. Nhiệm vụ: ${label}\nTình trạng thực hiện?`,
    savedAlready: (shown: string) => `(Đã ghi: ${shown}. Gõ giá trị mới để sửa, hoặc "bỏ qua" để giữ nguyên.)`,
    textHint: '(Viết nội dung trong một tin nhắn; "không có" nếu không có gì, "bỏ qua" để trả lời sau.)',
    intro: (f: IntroFacts) =>
      `Báo cáo ${f.period} — ${f.regime}, ${f.agency}. Hạn nộp ${f.deadline}${f.reopenedAt ? ` (kỳ đã được mở lại cho cơ quan bạn lúc ${f.reopenedAt})` : ''}. Có ${f.items} câu${f.done ? `, đã trả lời ${f.done}` : ''}.\nLệnh: "bỏ qua", "quay lại", "sửa <số>", "xem", "hủy", "gửi", "trợ giúp".`,
    help: [
      'Trả lời từng câu bằng con số (ví dụ 85,5, 1.728, 2 tỷ 5, mười sáu nghìn) hoặc chọn tình trạng nhiệm vụ. Các lệnh:',
      '• bỏ qua — để trống câu này, trả lời sau',
      '• quay lại — về câu trước',
      '• sửa <số> — sửa câu số <số>, ví dụ "sửa 2"',
      '• xem — xem lại các câu đã trả lời',
      '• hủy — tạm dừng (các câu đã trả lời vẫn được lưu)',
      '• gửi (hoặc xong) — gửi báo cáo sau khi xác nhận',
      '• chưa có số liệu [vì …] / không áp dụng [vì …] — ghi rõ tình trạng thay cho con số',
      '• như kỳ trước — lấy lại số liệu kỳ trước (sẽ hỏi xác nhận)',
      '• nhiều câu một lần: "1: 46; 2: 17.000" hoặc mỗi câu một dòng',
      'Bạn cũng có thể đặt câu hỏi về văn bản bất cứ lúc nào; tôi trả lời rồi hỏi tiếp câu đang dở.',
    ].join('\n'),
    summary: (period: string, agency: string) => `Tóm tắt báo cáo ${period} của ${agency}:`,
    sentAt: (at: string) => `Đã gửi lúc ${at}.`,
    endSubmitted: (until: string) => `Báo cáo đã gửi. Bạn vẫn có thể sửa đến ${until}: gõ "sửa <số>", "xem" để xem lại, "hủy" để thoát.`,
    endOpen: 'Đã hết các câu hỏi. Gõ "gửi" để gửi báo cáo, "sửa <số>" để sửa một câu, "xem" để xem lại.',
    confirmSubmit: 'Xác nhận gửi báo cáo?',
    isItRight: (reason: string) => `${reason} Số này có đúng không?`.trim(),
    whyCheck: 'Xin giải thích ngắn vì sao (sẽ lưu kèm giá trị).',
    whyChange: 'Xin giải thích ngắn vì sao số liệu thay đổi nhiều so với kỳ trước (sẽ lưu kèm giá trị).',
    percentDone: 'Đã hoàn thành khoảng bao nhiêu phần trăm? (gõ số, hoặc "bỏ qua")',
    taskNote: 'Ghi chú ngắn về kết quả/vướng mắc? (hoặc "bỏ qua")',
    noteOrQuestion: (n: string) => `Đây là ghi chú cho câu ${n}, hay bạn muốn hỏi?`,
    meant: (readings: string[]) => `Ý bạn là ${readings.join(' hay ')}?`,
    noItems: (period: string, agency: string) => `Kỳ báo cáo ${period} không có câu hỏi nào cho ${agency}.`,
    staleChoice: 'Lựa chọn không còn hiệu lực (nút của một câu hỏi trước); xin trả lời câu đang hỏi:',
    leftSent: (period: string) => `Đã thoát. Báo cáo ${period} đã gửi và mọi sửa đổi đã được lưu; gõ "báo cáo" nếu cần sửa tiếp.`,
    paused: (done: number, of: number) => `Đã tạm dừng. ${done}/${of} câu đã trả lời vẫn được lưu. Gõ "báo cáo" để làm tiếp.`,
    skippedItem: (n: number) => `Đã bỏ qua câu ${n}; bạn có thể trả lời sau bằng "sửa ${n}".`,
    noSuchItem: (n: number, of: number) => `Không có câu số ${n}; báo cáo có ${of} câu (1–${of}).`,
    alreadySent: (at: string) => `Báo cáo đã gửi lúc ${at}; mọi sửa đổi sau đó được lưu ngay, không cần gửi lại.`,
    missing: (count: number, ns: string) =>
      `Còn ${count} câu chưa trả lời (${ns}); nếu gửi bây giờ, các câu này được gửi để trống, như trong tóm tắt trên.`,
    notUnderstood: (typed: string) => `Tôi chưa hiểu "${typed}".`,
    chooseStatus: 'Xin chọn một trong ba tình trạng: 1. Chưa triển khai, 2. Đang triển khai, 3. Hoàn thành.',
    backToForm: 'Quay lại báo cáo:',
    saved: (n: number, shown: string) => `Đã ghi câu ${n}: ${shown}.`,
    onTime: 'đúng hạn',
    late: (days: number, deadline: string) => `trễ hạn ${days} ngày (hạn ${deadline})`,
    editUntil: (until: string) => `Bạn vẫn có thể sửa đến ${until}: gõ "báo cáo" rồi "sửa <số>".`,
    lockedAfter: 'Kỳ này đã quá thời hạn sửa nên báo cáo được khóa lại; nếu cần sửa tiếp, hãy nhờ điều phối viên mở lại.',
    sent: (period: string, agency: string, at: string, when: string, after: string) =>
      `Đã gửi báo cáo ${period} của ${agency} lúc ${at}, ${when}. ${after}`,
  },
  en: {
    ...ANSWER_WORDS('en'),
    sendReport: 'Send the report',
    notYet: 'Not yet',
    saveAsNote: 'Save as the note',
    itIsAQuestion: 'It is a question',
    keepNumber: 'Yes, keep it',
    retype: 'Type it again',
    inYear: (target: string, year: number) => `${target} in ${year}`,
    /** A deadline or target as the document wrote it: the plain year words ("năm 2026") said in English. */
    documentWords: (text: string) => text.replace(/^năm (\d{4})$/i, '$1'),
    deadline: (t: string) => `Deadline: ${t}`,
    target: (t: string) => `Target ${t}`,
    previous: (p: string) => `last period: ${p}`,
    item: (n: number, of: number, label: string) => `Question ${n}/${of}. ${label}?`,
    task: (n: number, of: number, label: string) => `Question ${n}/${of}. Task: ${label}\nHow far is it?`,
    savedAlready: (shown: string) => `(Saved: ${shown}. Type a new value to change it, or "bỏ qua" (skip) to keep it.)`,
    textHint: '(Write it in one message; "không có" (none) if there is nothing, "bỏ qua" (skip) to answer later.)',
    intro: (f: IntroFacts) =>
      `Report for ${f.period} — ${f.regime}, ${f.agency}. Due ${f.deadline}${f.reopenedAt ? ` (reopened for your agency at ${f.reopenedAt})` : ''}. ${countOf(f.items, 'question')}${f.done ? `, ${f.done} answered` : ''}.\nCommands: "bỏ qua" (skip), "quay lại" (back), "sửa <n>" (edit), "xem" (review), "hủy" (pause), "gửi" (send), "trợ giúp" (help).`,
    help: [
      'Answer each question with a number, written the Vietnamese way (85,5 for 85.5; 1.728 for 1,728; "2 tỷ 5" for 2.5 billion), or choose the task status. Commands (the English word works too):',
      '• bỏ qua (skip) — leave this question empty, answer it later',
      '• quay lại (back) — the previous question',
      '• sửa <n> (edit <n>) — change question <n>, for example "sửa 2"',
      '• xem (review) — see the answers so far',
      '• hủy (cancel) — pause (the answers are kept)',
      '• gửi (send) — send the report, after a confirmation',
      '• chưa có số liệu [vì …] (no data [because …]) / không áp dụng [vì …] (not applicable) — a state instead of a number',
      '• như kỳ trước (same as last period) — last period’s figure again (you confirm it)',
      '• several at once: "1: 46; 2: 17.000", or one per line',
      'You can also ask about the documents at any time (in Vietnamese); I answer, then ask the open question again.',
    ].join('\n'),
    summary: (period: string, agency: string) => `Summary of the ${period} report of ${agency}:`,
    sentAt: (at: string) => `Sent at ${at}.`,
    endSubmitted: (until: string) =>
      `The report is sent. You can still change it until ${until}: type "sửa <n>" (edit), "xem" (review), "hủy" to leave.`,
    endOpen: 'That was the last question. Type "gửi" (send) to send the report, "sửa <n>" to change an answer, "xem" to review.',
    confirmSubmit: 'Send the report?',
    isItRight: (reason: string) => `${reason} Is this number right?`.trim(),
    whyCheck: 'Please explain briefly why (it is saved with the value).',
    whyChange: 'Please explain briefly why the figure changed so much since last period (it is saved with the value).',
    percentDone: 'About what percentage is done? (type a number, or "bỏ qua" to skip)',
    taskNote: 'A short note on results or obstacles? (or "bỏ qua" to skip)',
    noteOrQuestion: (n: string) => `Is this the note for question ${n}, or a question?`,
    meant: (readings: string[]) => `Did you mean ${readings.join(' or ')}?`,
    noItems: (period: string, agency: string) => `The ${period} report has no questions for ${agency}.`,
    staleChoice: 'That button belongs to an earlier question; please answer the one being asked:',
    leftSent: (period: string) => `Left the form. The ${period} report is sent and every change is saved; type "báo cáo" to change more.`,
    paused: (done: number, of: number) => `Paused. The ${done}/${of} answers given are kept. Type "báo cáo" to go on.`,
    skippedItem: (n: number) => `Skipped question ${n}; you can answer it later with "sửa ${n}".`,
    noSuchItem: (n: number, of: number) => `There is no question ${n}; the report has ${of} questions (1–${of}).`,
    alreadySent: (at: string) => `The report was sent at ${at}; changes since are saved at once, no need to send it again.`,
    missing: (count: number, ns: string) =>
      `${countOf(count, 'question is', 'questions are')} not answered (${ns}); sent now, ${count === 1 ? 'it is' : 'they are'} sent empty, as in the summary above.`,
    notUnderstood: (typed: string) => `I do not understand "${typed}".`,
    chooseStatus: 'Please choose one of the three: 1. Not started, 2. In progress, 3. Completed.',
    backToForm: 'Back to the report:',
    saved: (n: number, shown: string) => `Saved question ${n}: ${shown}.`,
    onTime: 'on time',
    late: (days: number, deadline: string) => `${countOf(days, 'day')} late (due ${deadline})`,
    editUntil: (until: string) => `You can still change it until ${until}: type "báo cáo", then "sửa <n>".`,
    lockedAfter: 'The time for changes is over, so the report is locked; to change it, ask a coordinator to reopen it.',
    sent: (period: string, agency: string, at: string, when: string, after: string) =>
      `Sent the ${period} report of ${agency} at ${at}, ${when}. ${after}`,
  },
});

export type FormText = ReturnType<typeof FORM_TEXT>;
