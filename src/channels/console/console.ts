// The console channel: an interactive chat in a terminal, or one message per input line (scripts, golden
// transcript tests), printing the bot's replies. Also a ChannelAdapter whose proactive sends are printed.
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChannelAdapter, DeliveryResult, MessageHandler } from '../../core/interfaces.ts';
import type { Choice, OutboundMessage } from '../../core/types.ts';
import { pickChoice, renderMessage } from './format.ts';

export interface ConsoleOptions {
  input: Readable;
  output: Writable;
  userId?: string;
  displayName?: string;
  interactive: boolean;
  /** Line mode: print each input line as "> line" before the replies (a readable transcript). */
  echo?: boolean;
}

/** The numbered choices last shown (by a reply or a proactive message): a typed number picks one of them. */
export interface ShownChoices {
  current?: Choice[];
}

const lastChoices = (messages: OutboundMessage[]) => messages.findLast((m) => m.choices?.length)?.choices;

export const DEFAULT_CONSOLE_USER = 'console-user';

/** Chats until the input ends (EOF, or Ctrl-D interactively). Lines are handled one at a time, in order. */
export async function runConsole(handler: MessageHandler, opts: ConsoleOptions, shown: ShownChoices = {}): Promise<void> {
  const userId = opts.userId ?? DEFAULT_CONSOLE_USER;
  const rl = createInterface({
    input: opts.input,
    output: opts.interactive ? opts.output : undefined,
    terminal: opts.interactive,
    prompt: '> ',
  });
  const write = (s: string) => opts.output.write(s.endsWith('\n') ? s : `${s}\n`);
  if (opts.interactive) {
    write('Trợ lý văn bản chỉ đạo — gõ câu hỏi, "báo cáo", hoặc "trợ giúp". Ctrl-D để thoát.');
    rl.prompt();
  }
  for await (const raw of rl) {
    const line = raw.trim();
    if (line) {
      if (opts.echo && !opts.interactive) write(`> ${line}`);
      const picked = pickChoice(line, shown.current);
      const replies = await handler({
        channel: 'console',
        userId,
        chatId: userId,
        text: picked ? picked.label : line,
        choice: picked?.id,
        displayName: opts.displayName,
      });
      shown.current = lastChoices(replies);
      for (const m of replies) write(renderMessage(m));
    }
    if (opts.interactive) rl.prompt();
  }
}

/** The console as a channel adapter (the lead's main.ts starts it when stdin is a TTY or for scripted runs). */
export class ConsoleChannel implements ChannelAdapter {
  readonly name = 'console' as const;
  done: Promise<void> = Promise.resolve();

  private readonly shown: ShownChoices = {};

  constructor(private readonly opts: ConsoleOptions) {}

  async start(handler: MessageHandler): Promise<void> {
    this.done = runConsole(handler, this.opts, this.shown);
  }

  async stop(): Promise<void> {
    this.opts.input.destroy?.();
  }

  async send(chatId: string, messages: OutboundMessage[]): Promise<DeliveryResult> {
    const body = messages.map(renderMessage).join('\n');
    this.opts.output.write(`[Tin nhắn tới ${chatId}]\n${body}\n`);
    // A reminder's numbered buttons answer to "1"/"2" until something else is shown, as on Zalo.
    this.shown.current = lastChoices(messages);
    return { ok: true };
  }
}
