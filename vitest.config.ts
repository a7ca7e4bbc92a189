import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';

/**
 * Three kinds of tests, one command (`npm test`):
 * - unit: pure logic and Preact components, in Node / happy-dom, with WXT's fakeBrowser;
 * - browser: units that need real layout (hit-testing, positioning, CSS.highlights), in the system Chromium;
 * - e2e: the built extension loaded into the system Chromium and Firefox ESR (see tests/e2e/).
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest(), preact()],
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.{ts,tsx}'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
