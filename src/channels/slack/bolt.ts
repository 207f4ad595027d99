// @slack/bolt loaded when a Slack adapter is first built: a start without Slack (the console, Telegram, Zalo) does
// not pay for the SDK. Bolt is CommonJS, so it is required synchronously; the adapter's constructor stays sync.
import { createRequire } from 'node:module';
import type * as Bolt from '@slack/bolt';

let sdk: typeof Bolt | undefined;

export function bolt(): typeof Bolt {
  return (sdk ??= createRequire(import.meta.url)('@slack/bolt') as typeof Bolt);
}
