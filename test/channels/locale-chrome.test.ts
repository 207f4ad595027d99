// What the channels say themselves (Slack's modal and its button, the numbered-choices hint, a file that cannot be
// sent) follows the language of the message: a reply to someone who reads English is marked so by the bot.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileNote, numberedChoices } from '../../src/channels/common/format.ts';
import { formView, toPosts } from '../../src/channels/slack/blocks.ts';
import { renderMessage } from '../../src/channels/console/format.ts';
import { createBot } from '../../src/conversation/index.ts';
import type { OutboundMessage } from '../../src/core/types.ts';
import { CODES, seedReporting, type Seeded } from '../transcripts/seed.ts';

/** The parts of a modal the person reads (formView returns a modal; `View` also covers the Home tab). */
type Modal = { title?: { text: string }; submit?: { text: string }; close?: { text: string } };

const ask: OutboundMessage = {
  text: 'Question 1/4. Tỷ lệ …?',
  input: { itemId: '7', label: 'Tỷ lệ văn bản điện tử', kind: 'number', decimal: true },
};

describe('channel words in the message language', () => {
  it('Slack: the form button and the modal', () => {
    const button = (m: OutboundMessage) => JSON.stringify(toPosts(m).at(-1)!.blocks.at(-1));
    expect(button(ask)).toContain('Nhập số liệu');
    expect(button({ ...ask, locale: 'en' })).toContain('Type the figure');
    expect(JSON.parse(JSON.parse(button({ ...ask, locale: 'en' })).elements[0].value)).toMatchObject({ itemId: '7', locale: 'en' });
    const view = formView({ chatId: 'D1', input: ask.input!, locale: 'en' }) as Modal;
    expect([view.title?.text, view.submit?.text, view.close?.text]).toEqual(['Report a figure', 'Send', 'Cancel']);
    expect((formView({ chatId: 'D1', input: ask.input! }) as Modal).title?.text).toBe('Báo cáo số liệu');
  });

  it('console: the source of an answer and an attached file', () => {
    const m: OutboundMessage = {
      text: 'Sở Y tế leads.',
      citation: { document: '17/CT-UBND', province: 'Cà Mau', section: 'mục 2' } as OutboundMessage['citation'],
      file: { name: 'Bao-cao.xlsx', mime: 'application/octet-stream', data: Buffer.from('PK12') },
    };
    expect(renderMessage(m)).toBe('Sở Y tế leads.\nNguồn: 17/CT-UBND (Cà Mau), mục 2\n[Tệp đính kèm: Bao-cao.xlsx, 4 byte]');
    expect(renderMessage({ ...m, locale: 'en' })).toBe(
      'Sở Y tế leads.\nSource: 17/CT-UBND (Cà Mau), mục 2\n[Attachment: Bao-cao.xlsx, 4 bytes]',
    );
  });

  it('plain-text channels: the numbered choices hint and a file that cannot be sent', () => {
    const choices = [
      { id: 'yes', label: 'Send the report' },
      { id: 'no', label: 'Not yet' },
    ];
    expect(numberedChoices(choices, 'en')).toBe('1. Send the report\n2. Not yet\n(Answer with the number.)');
    expect(numberedChoices(choices)).toMatch(/\(Trả lời bằng số thứ tự\.\)$/);
    expect(fileNote('bao-cao.xlsx', 'en')).toMatch(/^\(The file "bao-cao.xlsx" cannot be sent on this channel/);
  });

  describe('the bot marks its replies', () => {
    let seed: Seeded;
    beforeEach(async () => {
      seed = await seedReporting();
    });
    afterEach(async () => {
      await seed.close();
    });
    it('as English once the person chose English, and not before', async () => {
      const bot = createBot(seed.app);
      const say = (text: string) => bot.handle({ channel: 'zalo', userId: 'z1', chatId: 'z1', text });
      expect((await say(`/start ${CODES.tttt}`)).map((m) => m.locale)).toEqual([undefined]);
      await say('/lang en');
      const form = await say('báo cáo');
      expect(form.length).toBeGreaterThan(0);
      expect(form.every((m) => m.locale === 'en')).toBe(true);
    });
  });
});
