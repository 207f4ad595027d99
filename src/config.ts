// Settings come only from the environment (secrets included); defaults make `npm start` work offline.
import { z } from 'zod';

const optional = z.string().trim().min(1).optional().catch(undefined);

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
  /** Tesseract's command for OCR of scans (with the Vietnamese data installed). */
  TESSERACT_BIN: z.string().default('tesseract'),
  LOG_LEVEL: z.string().default('info'),
  TZ_REPORTS: z.string().default('Asia/Ho_Chi_Minh'),

  TELEGRAM_BOT_TOKEN: optional,
  TELEGRAM_API_ROOT: optional,
  TELEGRAM_WEBHOOK_URL: optional,
  TELEGRAM_WEBHOOK_SECRET: optional,
  TELEGRAM_WEBHOOK_PORT: z.coerce.number().int().default(8443),
  /** The bot's @username without @ (for t.me deep links in invites); without it the CLI asks getMe when it has the token. */
  TELEGRAM_BOT_USERNAME: optional,

  SLACK_BOT_TOKEN: optional,
  SLACK_SIGNING_SECRET: optional,
  SLACK_APP_TOKEN: optional,
  SLACK_API_URL: optional,
  SLACK_PORT: z.coerce.number().int().default(3000),

  ZALO_BOT_TOKEN: optional,
  ZALO_BOT_API_ROOT: optional,
  ZALO_BOT_WEBHOOK_SECRET: optional,
  ZALO_BOT_WEBHOOK_URL: optional,
  ZALO_BOT_WEBHOOK_PORT: z.coerce.number().int().default(8444),

  ZALO_OA_APP_ID: optional,
  ZALO_OA_SECRET_KEY: optional,
  ZALO_OA_ACCESS_TOKEN: optional,
  ZALO_OA_REFRESH_TOKEN: optional,
  ZALO_OA_API_ROOT: optional,
  ZALO_OA_OAUTH_ROOT: optional,
  ZALO_OA_WEBHOOK_PORT: z.coerce.number().int().default(8445),

  QUIET_START: z.string().default('07:30'),
  QUIET_END: z.string().default('21:00'),
  WORK_DAYS: z.string().default('1,2,3,4,5'),
  /** Days off besides weekends and the built-in fixed holidays (scheduler/time.ts FIXED_HOLIDAYS): yyyy-mm-dd or mm-dd. */
  HOLIDAYS: z.string().default(''),
  REMINDER_OFFSETS_DAYS: z.string().default('7,3,1,0'),
  IDLE_MINUTES: z.coerce.number().default(10),

  // Reporting: a figure this many times above or below last period's asks for confirmation (1 turns it off)
  REPORT_OUTLIER_FACTOR: z.coerce.number().min(1, 'REPORT_OUTLIER_FACTOR phải ≥ 1 (1 = không hỏi lại)').default(3),
});

export type Config = z.infer<typeof schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return schema.parse(env);
}
