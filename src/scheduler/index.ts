// Public surface of the scheduler (issue 6): what main.ts, the conversation engine and the CLI use.
export { createScheduler, type Scheduler, type SchedulerDeps, type TickResult } from './scheduler.ts';
export { schedulerCommands, type BotUser, type ExtraCommand } from './commands.ts';
export { snoozeUser, parseSnooze, pauseUser, setRegimePaused, findRegime } from './snooze.ts';
export { CHOICE_REPORT, CHOICE_SNOOZE, REMINDER_CHOICES, type OutboxPayload } from './messages.ts';
export { RateLimiter, limitsOf, type ChannelLimit } from './limiter.ts';
export { calendarFromConfig, isAllowed, nextAllowedSlot, type Calendar } from './time.ts';
