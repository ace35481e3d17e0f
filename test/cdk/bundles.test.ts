import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
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

describe('Lambda bundles', () => {
  it.each([...Object.entries(apiFunctions), ...Object.entries(scheduledFunctions)])('%s bundles as minified CommonJS within budget', async (_name, spec) => {
    const result = await build({ ...esbuildOptions, entryPoints: [spec.entry], outdir: 'cdk.out/bundle-test', logLevel: 'silent' });
    const outputs = Object.values(result.metafile?.outputs ?? {});
    expect(outputs).toHaveLength(1);
    const bytes = outputs[0]?.bytes ?? Infinity;
    expect(bytes).toBeLessThan(BUDGET_BYTES);
    // Only the functions that read feeds carry the iCalendar parser: the request path reads stored busy time.
    const parsesFeeds = Object.keys(result.metafile?.inputs ?? {}).some((input) => input.includes('node_modules/ical.js/'));
    expect(parsesFeeds).toBe('fetchesCalendars' in spec && spec.fetchesCalendars === true);
    // No function carries luxon (~70 KB, a twentieth of a cold start): zones go through Intl (zone-clock.ts).
    expect(Object.keys(result.metafile?.inputs ?? {}).filter((input) => input.includes('node_modules/luxon/'))).toEqual([]);
    // A CommonJS bundle has no import.meta (esbuild would leave it empty and warn) and exports the handler.
    expect(result.warnings).toEqual([]);
    const code = result.outputFiles?.[0]?.text ?? '';
    expect(code).not.toMatch(/\bimport\.meta\b/);
    expect(code).toMatch(/module\.exports=/);
  });
});
