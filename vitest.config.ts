import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    // A beforeAll that crawls the fixture sites into a fresh PGlite takes ~15 s alone, minutes on a loaded machine.
    hookTimeout: 180_000,
    // PGlite and pdf.js are heavy and the machines have two cores: keep the pool small.
    maxWorkers: 2,
    // The JSON report lets test/support/check-no-skips.mjs fail CI when a service suite skipped.
    reporters: ['default', 'json'],
    outputFile: { json: '.tmp/vitest-report.json' },
  },
});
