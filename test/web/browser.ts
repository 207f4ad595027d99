// The browser tests' set-up: the web fixture served on a port of 127.0.0.1, the official's signed form link, and
// Debian's Chromium through playwright-core (the tests skip when it is not installed).
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { formLinkFor } from '../../src/web/links.ts';
import { webFixture, type WebFixture } from './helpers.ts';

export const CHROMIUM = process.env.CHROMIUM_BIN ?? '/usr/bin/chromium';
export const hasChromium = existsSync(CHROMIUM);

export interface BrowserFixture {
  fx: WebFixture;
  browser: Browser;
  /** http://127.0.0.1:<port> */
  base: string;
  /** The official's form page, signed for them. */
  link: string;
}

/** `before` runs on the fixture before the link is signed (an official who chose English, …). */
export async function browserFixture(before?: (fx: WebFixture) => Promise<unknown>): Promise<BrowserFixture> {
  const fx = await webFixture();
  await before?.(fx);
  await fx.web.listen({ port: 0, host: '127.0.0.1' });
  const addr = fx.web.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const url = formLinkFor(fx.app.config, { userId: fx.official, periodId: fx.periodId, agencyId: fx.agencyId }, fx.clock.now())!;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  return { fx, browser, base, link: base + new URL(url).pathname + new URL(url).search };
}
