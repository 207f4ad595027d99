// One error type for the whole app, with a code a caller can switch on and a user-facing Vietnamese message (and its
// English, for the errors a person can meet in chat).

export enum ErrorCode {
  NotFound = 'NOT_FOUND',
  InvalidInput = 'INVALID_INPUT',
  Forbidden = 'FORBIDDEN',
  Unauthenticated = 'UNAUTHENTICATED',
  Conflict = 'CONFLICT',
  Locked = 'LOCKED',
  Expired = 'EXPIRED',
  ParseFailed = 'PARSE_FAILED',
  NotADirective = 'NOT_A_DIRECTIVE',
  Unreadable = 'UNREADABLE',
  RateLimited = 'RATE_LIMITED',
  ChannelUnavailable = 'CHANNEL_UNAVAILABLE',
  Config = 'CONFIG',
  Internal = 'INTERNAL',
}

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Message safe to show to a user, in Vietnamese. */
  readonly userMessage: string;
  /** The same message in English, where the error can reach someone who reads English (chat); else absent. */
  readonly en?: string;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    userMessage: string,
    options: { details?: Record<string, unknown>; cause?: unknown; message?: string; en?: string } = {},
  ) {
    super(options.message ?? userMessage, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.userMessage = userMessage;
    this.en = options.en;
    this.details = options.details;
  }

  /** The message for a reader of `locale` ('vi' | 'en'): English when the error has it, Vietnamese otherwise. */
  messageIn(locale?: string | null): string {
    return locale === 'en' && this.en ? this.en : this.userMessage;
  }
}

export function isAppError(e: unknown, code?: ErrorCode): e is AppError {
  return e instanceof AppError && (code === undefined || e.code === code);
}
