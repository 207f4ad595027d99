// Settings come only from the environment (secrets included); defaults make `npm start` work offline.
import { z } from 'zod';
import type { Locale } from './core/i18n.ts';

const optional = z.string().trim().min(1).optional().catch(undefined);
/**
 * A webhook's own port. Unset: the webhook is served on the bot's one web server (WEB_PORT) when that runs, else on
 * the channel's former default port; set: that channel keeps a port of its own.
 */
const ownPort = z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).optional());
function validZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A clock time: a bad value stops the start instead of silently becoming the default. */
const hhmm = (d: string) =>
  z
    .string()
    .trim()
    .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, 'HH:MM, ví dụ/e.g. 07:30')
    .default(d);

const schema = z.object({
  DATABASE_URL: z.string().default('file:./data/app.db'),
  DATA_DIR: z.string().default('./data/documents'),
  AGENCIES_FILE: z.string().default('./data/agencies.yaml'),
  REGIMES_DIR: z.string().default('./data/regimes'),
  INDEX_DIR: z.string().default('./data/index'),
  /** How often a running bot checks for documents imported by `cli import` in another process (0 = never). */
  INDEX_REFRESH_SECONDS: z.coerce.number().int().min(0).default(60),
  /** Per-file import limits: a file over one is stopped with the reason; the rest of the batch imports. */
  IMPORT_MAX_MB: z.coerce.number().positive().default(20),
  IMPORT_MAX_LINES: z.coerce.number().int().positive().default(200_000),
  IMPORT_MAX_SECONDS: z.coerce.number().positive().default(120),
  /** PDF pages read from one file, pages of a scan sent to OCR, and what a DOCX may unpack to (zip bombs). */
  IMPORT_MAX_PAGES: z.coerce.number().int().positive().default(500),
  IMPORT_OCR_MAX_PAGES: z.coerce.number().int().positive().default(50),
  IMPORT_MAX_UNZIPPED_MB: z.coerce.number().positive().default(200),
  /** Files sent in chat by an admin (empty: the same as IMPORT_MAX_MB); originals kept under ORIGINALS_DIR by sha256. */
  UPLOAD_MAX_MB: z.coerce.number().positive().optional().catch(undefined),
  ORIGINALS_DIR: z.string().default('./data/originals'),
  /** An upload still importing after this many seconds gets "Đang xử lý tệp …", then OCR pages at most this often. */
  UPLOAD_PROGRESS_SECONDS: z.coerce.number().min(0).default(3),
  /** Tesseract's command for OCR of scans (with the Vietnamese data installed). */
  TESSERACT_BIN: z.string().default('tesseract'),
  /** LibreOffice's command: .doc files are converted by it to keep Word's automatic list numbers ('' = not used). */
  SOFFICE_BIN: z.string().default('soffice'),
  /** poppler's pdftohtml reads PDF text about 2.5× faster than pdf.js ('' = pdf.js only; pdf.js is used without it). */
  PDFTOHTML_BIN: z.string().default('pdftohtml'),
  /** The admin CLI's language (`--lang` wins): vi (default) or en. */
  CLI_LANG: z
    .string()
    .trim()
    .pipe(z.enum(['vi', 'en'] as const satisfies readonly Locale[]))
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The time zone of dates, period boundaries and reminders (an IANA name); a bad one stops the start. */
  TZ_REPORTS: z
    .string()
    .trim()
    .default('Asia/Ho_Chi_Minh')
    .refine(validZone, { message: 'expected an IANA time zone such as Asia/Ho_Chi_Minh' }),

  TELEGRAM_BOT_TOKEN: optional,
  TELEGRAM_API_ROOT: optional,
  TELEGRAM_WEBHOOK_URL: optional,
  TELEGRAM_WEBHOOK_SECRET: optional,
  TELEGRAM_WEBHOOK_PORT: ownPort,
  /** The bot's @username without @ (for t.me deep links in invites); without it the CLI asks getMe when it has the token. */
  TELEGRAM_BOT_USERNAME: optional,

  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: optional,
  SLACK_PORT: ownPort,

  ZALO_BOT_TOKEN: optional,
  ZALO_BOT_API_ROOT: optional,
  ZALO_BOT_WEBHOOK_SECRET: optional,
  ZALO_BOT_WEBHOOK_URL: optional,
  ZALO_BOT_WEBHOOK_PORT: ownPort,

  ZALO_OA_APP_ID: optional,
  ZALO_OA_SECRET_KEY: optional,
  ZALO_OA_ACCESS_TOKEN: optional,
  ZALO_OA_REFRESH_TOKEN: optional,
  ZALO_OA_API_ROOT: optional,
  ZALO_OA_OAUTH_ROOT: optional,
  ZALO_OA_WEBHOOK_PORT: ownPort,

  QUIET_START: hhmm('07:30'),
  QUIET_END: hhmm('21:00'),
  WORK_DAYS: z
    .string()
    .trim()
    .regex(/^[0-7](\s*,\s*[0-7])*$/, 'các số 0–7 cách nhau bởi dấu phẩy / weekday numbers 0–7, e.g. 1,2,3,4,5')
    .default('1,2,3,4,5'),
  /** Days off besides weekends and the built-in fixed holidays (scheduler/time.ts FIXED_HOLIDAYS): yyyy-mm-dd or mm-dd. */
  HOLIDAYS: z.string().default(''),
  REMINDER_OFFSETS_DAYS: z.string().default('7,3,1,0'),
  /** Platform user id of the console chat (register it with /start <mã>); unset: the OS user. */
  CONSOLE_USER: optional,
  /** Reminder scheduler: on/off; unset runs it except on a piped (scripted) console session. */
  SCHEDULER: z.enum(['on', 'off']).optional(),
  IDLE_MINUTES: z.coerce.number().default(10),
  /**
   * How long a scheduler instance that stopped answering (a process killed) keeps the reminder job, and a reminder
   * it was sending stays unconfirmed, before another instance takes them over; a channel call is abandoned after
   * half of it (at most a minute).
   */
  SCHEDULER_LEASE_SECONDS: z.coerce.number().int().min(10).default(120),

  /**
   * The bot's one web server (form, dashboard, and every webhook without a *_PORT of its own): WEB_PORT unset = no
   * web server and each webhook on its own port as before; links need WEB_BASE_URL and WEB_SECRET.
   */
  WEB_PORT: z.coerce.number().int().min(0).optional().catch(undefined),
  WEB_HOST: z.string().default('0.0.0.0'),
  WEB_BASE_URL: optional,
  WEB_SECRET: optional,
  /** A form link is valid this long; forms with more items than FORM_CHAT_MAX_ITEMS are offered as a page. */
  FORM_LINK_HOURS: z.coerce.number().positive().default(24),
  FORM_CHAT_MAX_ITEMS: z.coerce.number().int().min(0).default(5),
  /** Telegram Web App initData older than this is refused (a replayed page). */
  TELEGRAM_INITDATA_MAX_AGE_SECONDS: z.coerce.number().int().positive().default(3600),

  // Reporting: a figure this many times above or below last period's asks for confirmation (1 turns it off)
  REPORT_OUTLIER_FACTOR: z.coerce.number().min(1, 'REPORT_OUTLIER_FACTOR phải ≥ 1 (1 = không hỏi lại)').default(3),
  REPORT_TARGET_FACTOR: z.coerce.number().min(1, 'REPORT_TARGET_FACTOR phải ≥ 1 (1 = không hỏi lại)').default(3),
});

export type Config = z.infer<typeof schema>;

/** A setting that does not parse: names it and the expected form, in Vietnamese then English. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty value (`SCHEDULER=` as in .env.example) means unset: the default applies.
  const r = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (r.success) return r.data;
  const lines = r.error.issues.map((i) => {
    const name = i.path.join('.');
    return `${name}=${JSON.stringify(env[name] ?? '')}: cần/expected ${i.message}`;
  });
  throw new ConfigError(`cài đặt không hợp lệ / invalid setting — ${lines.join('; ')}`);
}
