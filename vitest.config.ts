import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: ['./test/helpers/pg-global.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    env: { LOG_LEVEL: 'silent', TZ: 'Asia/Ho_Chi_Minh' },
  },
});
