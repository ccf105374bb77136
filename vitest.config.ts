import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'e2e/**/*.test.ts'],
    // Builds what is out of date (as `npm start` does), so every run tests the current code.
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    // Set-up seeds a whole demo municipality per file; on a shared, busy machine that can take minutes.
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default'],
  },
});
