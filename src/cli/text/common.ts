// What the CLI as a whole says (its description, the --lang option, the error prefix), and how a command raises an
// error of its own in both languages. Each command's words are in the file of this folder named like it.
import { AppError, ErrorCode } from '../../core/errors.ts';
import { catalog, type Locale } from '../../core/i18n.ts';

export const CLI_TEXT = catalog({
  vi: {
    program: 'Trợ lý văn bản chỉ đạo — công cụ quản trị',
    lang: 'ngôn ngữ của công cụ: vi (mặc định, hoặc CLI_LANG) hoặc en',
    error: 'Lỗi',
    note: (text: string) => `Lưu ý: ${text}`,
    badUserNumber: (arg: string) => `"${arg}" không phải số người dùng (một số nguyên dương, xem: npm run cli -- user list).`,
  },
  en: {
    program: 'Directive assistant — admin tool',
    lang: 'language of the tool: vi (default, or CLI_LANG) or en',
    error: 'Error',
    note: (text: string) => `Note: ${text}`,
    badUserNumber: (arg: string) => `"${arg}" is not a user number (a positive whole number; see: npm run cli -- user list).`,
  },
});

/**
 * An error a command raises itself, written from its catalog in both languages: `userMessage` stays Vietnamese as
 * AppError has it, `en` the English, and the CLI prints the one of its language (`messageIn`).
 */
export function cliError<T>(texts: (locale: Locale) => T, code: ErrorCode, say: (t: T) => string): AppError {
  return new AppError(code, say(texts('vi')), { en: say(texts('en')) });
}

/** A user number as typed (`user role 12 admin`, `--user 12`); anything but a positive whole number is refused. */
export function userNumber(arg: string): number {
  const n = Number(arg);
  if (!Number.isSafeInteger(n) || n <= 0) throw cliError(CLI_TEXT, ErrorCode.InvalidInput, (t) => t.badUserNumber(arg));
  return n;
}
