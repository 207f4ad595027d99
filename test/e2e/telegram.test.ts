// Telegram end to end: telegram-test-api in webhook mode → real TelegramAdapter → the real bot (documents,
// answerer, reporting form, consolidated reports) on a seeded database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANSWER_AGENCY, CITATION, QUESTION, startBot, storedAnswers, until, type Bot } from './helpers.ts';
import { press, replies, say, startTelegram, type Keyboard, type TelegramRig } from './telegram-harness.ts';

let bot: Bot;
let tg: TelegramRig;

beforeAll(async () => {
  bot = await startBot();
  tg = await startTelegram(bot.runtime.bot.handle);
});
afterAll(async () => {
  await tg?.close();
  await bot?.close();
});

describe('Telegram × real bot', () => {
  it('onboards with /start <code>: the identity is stored and the code is spent', async () => {
    const code = await bot.invite();
    const client = tg.client(601, 'Lan');
    const [welcome] = await say(client, `/start ${code}`, 'Đăng ký thành công');
    expect(welcome!.text).toContain('Sở Khoa học và Công nghệ (Cà Mau)');
    const ident = await bot.app.db.identity.findUniqueOrThrow({
      where: { channel_externalId: { channel: 'telegram', externalId: '601' } },
      include: { user: true },
    });
    expect(ident).toMatchObject({ chatId: '601', user: { role: 'official' } });
    const again = tg.client(602, 'Khác');
    expect((await say(again, `/start ${code}`, 'không dùng được'))[0]!.text).toContain('mã sai, đã dùng hoặc đã hết hạn');
  });

  it('answers a question about 37/KH-STTTT with the agency and a citation line (document number and section)', async () => {
    const client = tg.client(603);
    const msgs = await say(client, QUESTION, ANSWER_AGENCY);
    const answer = msgs.find((m) => m.text.includes(ANSWER_AGENCY))!;
    expect(answer.text).toMatch(/^Sở Tài chính chủ trì/);
    expect(answer.text).toMatch(CITATION);
  });

  it('runs a full reporting form with typed figures and inline buttons, then submits with the confirm button', async () => {
    const client = tg.client(604, 'Minh');
    await say(client, `/start ${await bot.invite()}`, 'Đăng ký thành công');
    let msgs = await say(client, '/baocao', 'Câu 1/4');
    expect(msgs.map((m) => m.text).join('\n')).toContain('Báo cáo quý IV/2026');
    msgs = await say(client, '85,5', 'Câu 2/4');
    expect(msgs[0]!.text).toBe('Đã ghi câu 1: 85,5%.');
    await say(client, '150', 'Câu 3/4');
    msgs = await say(client, '2 tỷ', 'Câu 4/4');
    expect(msgs.map((m) => m.text)).toContain('Đã ghi câu 3: 2.000 triệu đồng.');
    const kb = (msgs.at(-1)!.reply_markup as Keyboard).inline_keyboard.flat().map((b) => b.text);
    expect(kb).toEqual(['Chưa triển khai', 'Đang triển khai', 'Hoàn thành']);

    msgs = await press(client, msgs, 'Đang triển khai', 'bao nhiêu phần trăm');
    expect(msgs[0]!.text).toBe('Đã ghi câu 4: Đang triển khai.');
    await say(client, '60', 'Ghi chú');
    msgs = await say(client, 'Đang nhập dữ liệu', 'Đã hết các câu hỏi');
    msgs = await say(client, 'gửi', 'Xác nhận gửi báo cáo?');
    msgs = await press(client, msgs, 'Gửi báo cáo', 'Đã gửi báo cáo');
    expect(msgs.at(-1)!.text).toMatch(/Đã gửi báo cáo quý IV\/2026 của Sở Khoa học và Công nghệ lúc 09:00 05\/01\/2027, đúng hạn/);

    expect(await storedAnswers(bot)).toEqual([
      { label: 'Tỷ lệ văn bản trao đổi trên môi trường mạng', value: 85.5, status: null, percentDone: null, submission: 'submitted' },
      { label: 'Số doanh nghiệp sử dụng hóa đơn điện tử', value: 150, status: null, percentDone: null, submission: 'submitted' },
      { label: 'Kinh phí đã giải ngân cho ứng dụng CNTT', value: 2000, status: null, percentDone: null, submission: 'submitted' },
      {
        label: 'Xây dựng cơ sở dữ liệu văn bản quy phạm pháp luật của tỉnh',
        value: null,
        status: 'dang_trien_khai',
        percentDone: 60,
        submission: 'submitted',
      },
    ]);
    const audit = await bot.app.db.auditLog.findMany({ where: { channel: 'telegram' } });
    const actions = audit.map((a) => a.action);
    expect(actions.filter((a) => a === 'answer.set').length).toBeGreaterThanOrEqual(4);
    expect(actions).toContain('submission.submit');
  });

  it('a coordinator asking "báo cáo tổng hợp quý 4" gets the summary and the XLSX/DOCX as documents', async () => {
    const client = tg.client(605, 'Điều phối');
    await say(client, `/start ${await bot.invite('coordinator')}`, 'điều phối viên');
    tg.documents.sent.length = 0;
    const msgs = await say(client, 'báo cáo tổng hợp quý 4', 'BÁO CÁO TỔNG HỢP QUÝ IV/2026');
    expect(msgs[0]!.text).toContain('Báo cáo ứng dụng CNTT tỉnh Cà Mau');
    const files = await until(() => tg.documents.sent.length >= 2 && tg.documents.sent, 5000, 'two documents');
    expect(files.map((f) => f.filename)).toEqual([
      'Bao-cao-tong-hop_cds-ca-mau_quy-IV-2026.xlsx',
      'Bao-cao-tong-hop_cds-ca-mau_quy-IV-2026.docx',
    ]);
    expect(files.every((f) => f.chatId === '605' && f.bytes > 5000 && f.caption === `Tệp ${f.filename}`)).toBe(true);
    // the file's text travels as the caption: no separate "Tệp …" message
    expect(
      await client.getUpdates().then(
        (u) => u.result.map((x) => x.message.text),
        () => [],
      ),
    ).not.toContain(`Tệp ${files[0]!.filename}`);
  });

  it('when sendDocument fails (the emulator has none: 404) the summary still arrives, with a note naming each file', async () => {
    tg.documents.mode = 'emulator';
    try {
      const client = tg.client(606, 'Điều phối 2');
      await say(client, `/start ${await bot.invite('coordinator')}`, 'điều phối viên');
      await client.sendMessage(client.makeMessage('báo cáo tổng hợp quý 4'));
      const got = await replies(client, (ms) => ms.filter((m) => m.text.includes('không gửi được')).length >= 2);
      expect(got[0]!.text).toContain('BÁO CÁO TỔNG HỢP QUÝ IV/2026');
      const notes = got.filter((m) => m.text.includes('không gửi được')).map((m) => m.text);
      expect(notes[0]).toMatch(
        /^Tệp Bao-cao-tong-hop_cds-ca-mau_quy-IV-2026\.xlsx\n\(Tệp "Bao-cao-tong-hop_cds-ca-mau_quy-IV-2026\.xlsx" không gửi được/,
      );
      expect(notes[1]).toContain('Bao-cao-tong-hop_cds-ca-mau_quy-IV-2026.docx');
    } finally {
      tg.documents.mode = 'accept';
    }
  });
});
