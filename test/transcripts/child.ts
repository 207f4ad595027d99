// A bot process in console line mode on a given database: what the restart and SIGKILL tests spawn.
// Usage: node --import tsx test/transcripts/child.ts <dbUrl> <agenciesFile> <nowIso> <userId> [echo]
import { ManualClock } from '../../src/core/clock.ts';
import { runConsole } from '../../src/channels/console/console.ts';
import { createBot } from '../../src/conversation/bot.ts';
import { openTestApp } from './seed.ts';

const [dbUrl = '', agencies = '', now = '', userId = 'console-user', echo] = process.argv.slice(2);
const app = await openTestApp(dbUrl, agencies, new ManualClock(new Date(now)));
const bot = createBot(app);
await runConsole(bot.handle, { input: process.stdin, output: process.stdout, userId, interactive: false, echo: echo === 'echo' });
await app.close();
