import { defineConfig } from 'vitest/config';

// Tests spawn the built CLI and real processes on a shared 2-core machine: give them room. Speed is
// measured in `npm run bench`, never by timeouts here.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
