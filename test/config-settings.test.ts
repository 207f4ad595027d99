// Every setting goes through the zod config: a bad value stops the start with its name and the expected form.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';

describe('settings validated at start', () => {
  it.each([
    ['QUIET_START', '7h30', /QUIET_START="7h30".*HH:MM/],
    ['QUIET_END', '25:00', /QUIET_END="25:00".*HH:MM/],
    ['SCHEDULER', 'yes', /SCHEDULER="yes".*"on"\|"off"/],
    ['WORK_DAYS', 'mon,tue', /WORK_DAYS="mon,tue".*0–7/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL="verbose".*info/],
    ['TZ_REPORTS', 'Hanoi', /TZ_REPORTS="Hanoi".*Asia\/Ho_Chi_Minh/],
    ['CLI_LANG', 'fr', /CLI_LANG="fr".*"vi"\|"en"/],
  ])('%s=%s is refused, not replaced by the default', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(message);
    expect(() => loadConfig({ [name]: value })).toThrow(/cài đặt không hợp lệ \/ invalid setting/);
  });

  it('CONSOLE_USER and SCHEDULER are read through the config; empty means unset', () => {
    const c = loadConfig({ CONSOLE_USER: 'cv-nguyen', SCHEDULER: 'off', QUIET_START: '' });
    expect(c.CONSOLE_USER).toBe('cv-nguyen');
    expect(c.SCHEDULER).toBe('off');
    expect(c.QUIET_START).toBe('07:30');
    expect(loadConfig({ SCHEDULER: '' }).SCHEDULER).toBeUndefined();
    expect(loadConfig({ CLI_LANG: 'en' }).CLI_LANG).toBe('en');
    expect(loadConfig({ CLI_LANG: '' }).CLI_LANG).toBeUndefined();
  });
});
