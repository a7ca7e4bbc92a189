import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/lib/browsers.ts';

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
        plugins: [preact()],
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.{ts,tsx}'],
          browser: {
            enabled: true,
            headless: true,
            // The system Chromium, never a downloaded one, with the flags every launch here uses (scripts/lib/browsers.ts).
            provider: playwright({
              launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Builds both extensions once per run (skipped when the build is newer than the sources).
          globalSetup: ['tests/e2e/harness/build.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
