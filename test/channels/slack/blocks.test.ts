// The Slack rendering of a form step: a free-text item (khó khăn, vướng mắc …) opens a multi-line text modal.
import { describe, expect, it } from 'vitest';
import { formView, toPosts } from '../../../src/channels/slack/blocks.ts';

describe('Slack form steps', () => {
  const input = { itemId: '7', label: 'Khó khăn, vướng mắc', kind: 'text' as const };

  it('a free-text step has a button that opens a multi-line text input, not a number input', () => {
    const [post] = toPosts({ text: 'Câu 3/3. Khó khăn, vướng mắc?', input });
    const actions = post!.blocks.find((b) => b.type === 'actions') as { elements: { action_id: string; text: { text: string } }[] };
    expect(actions.elements[0]).toMatchObject({ action_id: 'open_form', text: { text: 'Nhập nội dung' } });
    const view = formView({ chatId: 'D1', input });
    expect(view.blocks[0]).toMatchObject({ element: { type: 'plain_text_input', multiline: true, max_length: 2000 } });
  });
});
