// What people type around the fixed commands is read as those commands (or as small talk), the way they type it.
import { describe, expect, it } from 'vitest';
import { freeWords } from '../../src/conversation/free-words.ts';

describe('free words', () => {
  it.each([
    ['chào', { kind: 'greeting' }],
    ['xin chào bạn', { kind: 'greeting' }],
    ['chao buoi sang', { kind: 'greeting' }],
    ['cam on ban nhieu nha', { kind: 'thanks' }],
    ['ok thanks', { kind: 'thanks' }],
    ['tam biet', { kind: 'bye' }],
    ['hủy', { kind: 'cancel' }],
    ['thôi', { kind: 'cancel' }],
    ['huy bao cao', { kind: 'cancel' }],
    ['tiếp tục', { kind: 'continue' }],
    ['tôi đang làm dở báo cáo', { kind: 'continue' }],
    ['bạn bao nhiêu tuổi', { kind: 'aboutBot' }],
    ['sở', { kind: 'fragment', word: 'sở' }],
    ['ai chưa nộp', { kind: 'command', text: 'tình hình báo cáo' }],
    ['cơ quan nào chưa gửi báo cáo quý 4', { kind: 'command', text: 'tình hình báo cáo' }],
    ['dv nao nop muon', { kind: 'command', text: 'tình hình báo cáo' }],
    ['trạng thái kỳ', { kind: 'command', text: 'tình hình báo cáo' }],
    ['Tình trạng kỳ báo cáo hiện tại?', { kind: 'command', text: 'tình hình báo cáo' }],
    ['kỳ báo cáo hiện tại', { kind: 'command', text: 'tình hình báo cáo' }],
    ['xem trạng thái báo cáo', { kind: 'command', text: 'tình hình báo cáo' }],
    ['đang có kỳ báo cáo nào không', { kind: 'command', text: 'tình hình báo cáo' }],
    ['Sở Y tế đã báo cáo quý 3 chưa', { kind: 'command', text: 'tình hình báo cáo Sở Y tế' }],
    // the asker's own report, and when the open period's report is due (before: searched as document passages)
    ['tôi nộp báo cáo quý này chưa', { kind: 'command', text: 'tình hình báo cáo' }],
    ['don vi minh da gui bc chua', { kind: 'command', text: 'tình hình báo cáo' }],
    ['hạn chót nộp báo cáo quý này là ngày nào', { kind: 'command', text: 'tình hình báo cáo' }],
    ['khi nao phai gui bc quy 4', { kind: 'command', text: 'tình hình báo cáo' }],
    // no period named, nothing else either: the asker's own report (before: readings of document passages)
    ['hạn nộp báo cáo là khi nào', { kind: 'command', text: 'tình hình báo cáo' }],
    ['bao giờ nộp bc vậy', { kind: 'command', text: 'tình hình báo cáo' }],
    ['thời hạn báo cáo', { kind: 'command', text: 'tình hình báo cáo' }],
    // a document's report is a question about that document
    ['hạn nộp báo cáo kết quả thực hiện kế hoạch 37 là ngày nào', null],
    ['xuất báo cáo tổng hợp quý 4', { kind: 'command', text: 'báo cáo tổng hợp quy 4' }],
    ['tong hop so lieu quy 3', { kind: 'command', text: 'báo cáo tổng hợp quy 3' }],
    ['nhac tat ca dv chua nop', { kind: 'command', text: 'nhắc ngay' }],
    ['nhắc lại mấy sở chưa nộp đi', { kind: 'command', text: 'nhắc ngay' }],
    // the command itself, with a regime code, is left to the command (it was read as "remind one agency 'ngay …'")
    ['nhắc ngay KH-CDS-2026', null],
    ['nhắc Sở Y tế', { kind: 'remindOne', agency: 'Sở Y tế' }],
  ])('%s', (text, want) => {
    expect(freeWords(text)).toEqual(want);
  });

  it.each([
    'ai chủ trì tổng hợp báo cáo',
    'tổng hợp',
    'trạng thái kỳ quý 3',
    'kỳ báo cáo của chương trình chuyển đổi số',
    'chào mừng ngày thành lập ngành',
    'Sở Tài chính phải làm gì',
    'hạn nộp báo cáo kết quả thực hiện kế hoạch 37 là ngày nào',
    'tôi cần làm gì',
    '85',
  ])('%s is none of these (a question or an answer)', (text) => {
    expect(freeWords(text)).toBeNull();
  });
});

describe('a snooze is the person\'s own, not a reminder to one agency "sau 2 giờ"', () => {
  it.each(['nhắc lại sau 2 giờ', 'nhắc tôi ngày mai', 'nhac lai tuan sau', 'hoãn nhắc 1 ngày'])('%s', (text) => {
    expect(freeWords(text)).toBeNull();
  });
});

describe('free words that must stay questions or answers', () => {
  it.each(['ai đã giao nhiệm vụ báo cáo kết quả', 'đúng', 'ai chủ trì báo cáo định kỳ'])('%s', (text) => {
    expect(freeWords(text)).toBeNull();
  });
});
