import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // The Slack end-to-end tests start real HTTP servers on 127.0.0.1; keep them from fighting for the 2 CI cores.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
