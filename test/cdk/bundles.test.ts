import { build, type BuildResult } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { esbuildOptions } from '../../lib/bundling';
import { apiFunctions } from '../../shared/http/routes';
import { scheduledFunctions } from '../../shared/runtime/scheduled-functions';

/**
 * Each Lambda bundled as CDK bundles it (same esbuild settings). Cold starts grow with bundle size,
 * so each has a budget; a budget is raised deliberately, never by accident.
 * 580 KB: the outbox relays, the largest, carry the AWS SDK with four clients (DynamoDB, SES, which
 * alone is ~65 KB, Scheduler, EventBridge) and Secrets Manager, every email, and the address policy's
 * IP parser (~13) — all of them used. `npm run bench -- cold` holds load time.
 */
const BUDGET_BYTES = 580 * 1024;

const functions = { ...apiFunctions, ...scheduledFunctions };

describe('Lambda bundles', () => {
  // One esbuild run for every function: each entry still gets its own whole bundle (no splitting),
  // and the modules they share are parsed once instead of once per function.
  let result: BuildResult<typeof esbuildOptions>;
  beforeAll(async () => {
    result = await build({ ...esbuildOptions, entryPoints: Object.fromEntries(Object.entries(functions).map(([name, spec]) => [name, spec.entry])), outdir: 'cdk.out/bundle-test', logLevel: 'silent' });
  });

  it('builds without a warning', () => {
    // A CommonJS bundle has no import.meta: esbuild would leave it empty and warn.
    expect(result.warnings).toEqual([]);
    expect(Object.keys(result.metafile?.outputs ?? {})).toHaveLength(Object.keys(functions).length);
  });

  it.each(Object.entries(functions))('%s bundles as minified CommonJS within budget', (name, spec) => {
    const path = Object.keys(result.metafile?.outputs ?? {}).find((output) => output.endsWith(`/${name}.js`));
    const output = path ? result.metafile?.outputs[path] : undefined;
    expect(output?.bytes ?? Infinity).toBeLessThan(BUDGET_BYTES);
    // Only the functions that read feeds carry the iCalendar parser: the request path reads stored busy time.
    const parsesFeeds = Object.keys(output?.inputs ?? {}).some((input) => input.includes('node_modules/ical.js/'));
    expect(parsesFeeds).toBe('fetchesCalendars' in spec && spec.fetchesCalendars === true);
    // No function carries luxon (~70 KB, a twentieth of a cold start): zones go through Intl (zone-clock.ts).
    expect(Object.keys(output?.inputs ?? {}).filter((input) => input.includes('node_modules/luxon/'))).toEqual([]);
    const code = result.outputFiles?.find((file) => file.path.endsWith(`/${name}.js`))?.text ?? '';
    expect(code).not.toMatch(/\bimport\.meta\b/);
    expect(code).toMatch(/module\.exports=/);
  });
});
