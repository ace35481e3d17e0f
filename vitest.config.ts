import { defineConfig } from 'vitest/config';

/**
 * One `npm test` runs everything: pure unit tests (twice, under two process time zones, because
 * time code must not depend on the machine's zone), integration tests against DynamoDB Local,
 * end-to-end tests over HTTP against the local stack, and CDK assertion tests.
 * DynamoDB Local is started once for the whole run (test/support/global-setup.ts).
 *
 * Two workers: vitest's default (CPUs − 1) is one on a 2-core machine, where half the time of a
 * single worker goes waiting on DynamoDB Local, the local stack and Chromium. Each file has its own
 * table and stack, so files are independent; two at once halve the run.
 */
export default defineConfig({
  test: {
    globalSetup: ['test/support/global-setup.ts'],
    maxWorkers: 2,
    testTimeout: 20_000,
    hookTimeout: 60_000,
    env: { POWERTOOLS_LOG_LEVEL: 'SILENT', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    projects: [
      { extends: true, test: { name: 'unit-utc', include: ['test/unit/**/*.test.ts'], env: { TZ: 'UTC' } } },
      // Chromium renders (*.chromium.test.ts) run once: they draw HTML whose content the other unit tests check under both zones.
      { extends: true, test: { name: 'unit-auckland', include: ['test/unit/**/*.test.ts'], exclude: ['test/unit/**/*.chromium.test.ts'], env: { TZ: 'Pacific/Auckland' } } },
      { extends: true, test: { name: 'integration', include: ['test/integration/**/*.integration.test.ts'], env: { TZ: 'America/Los_Angeles' } } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.e2e.test.ts'] } },
      { extends: true, test: { name: 'cdk', include: ['test/cdk/**/*.test.ts'] } },
    ],
  },
});
