// The links the bot hands out for its web pages, from WEB_BASE_URL and WEB_SECRET.
import type { Config } from '../config.ts';
import { signFormToken, type FormClaim } from './link.ts';

type WebConfig = Pick<Config, 'WEB_BASE_URL' | 'WEB_SECRET' | 'FORM_LINK_HOURS'>;

const base = (c: WebConfig) => c.WEB_BASE_URL!.replace(/\/+$/, '');

export const webEnabled = (c: Pick<Config, 'WEB_BASE_URL' | 'WEB_SECRET'>): boolean => !!c.WEB_BASE_URL && !!c.WEB_SECRET;

/** A form link for this person, period and agency, expiring after FORM_LINK_HOURS; null when the web is off. */
export function formLinkFor(c: WebConfig, who: Omit<FormClaim, 'exp'>, now: Date): string | null {
  if (!webEnabled(c)) return null;
  const token = signFormToken(c.WEB_SECRET!, { ...who, exp: now.getTime() + c.FORM_LINK_HOURS * 3600_000 });
  return `${base(c)}/form?t=${token}`;
}

/** The Telegram Web App page for a period (the person is identified there by Telegram's signed initData). */
export function telegramFormUrl(c: WebConfig, periodId: number, agencyId: number): string | null {
  return webEnabled(c) ? `${base(c)}/tg/form?p=${periodId}&a=${agencyId}` : null;
}
