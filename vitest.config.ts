// Vitest setup: unit tests live beside the code (*.test.ts); tests that need
// Chromium, ffmpeg or a server live in tests/ and share one Remotion bundle
// made once by tests/setup/bundle.ts.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['compositions/**/*.test.{ts,tsx}', 'server/**/*.test.ts', 'jobs/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/setup/bundle.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
