import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { esbuildOptions } from '../../lib/bundling';
import { apiFunctions } from '../../shared/http/routes';
import { scheduledFunctions } from '../../shared/runtime/scheduled-functions';

/**
 * Each Lambda bundled as CDK bundles it (same esbuild settings). Cold starts grow with bundle size,
 * so each has a budget; a budget is raised deliberately, never by accident.
 * 800 KB: the booking function carries the AWS SDK (~250 KB), zod (~95), an iCalendar parser for
 * the coach's feed (~75) and writer for invitations (~35), and luxon (~70) — all of them used.
 */
const BUDGET_BYTES = 800 * 1024;

describe('Lambda bundles', () => {
  it.each([...Object.entries(apiFunctions), ...Object.entries(scheduledFunctions)])('%s bundles as minified ESM within budget', async (_name, spec) => {
    const result = await build({ ...esbuildOptions, entryPoints: [spec.entry], outdir: 'cdk.out/bundle-test' });
    const outputs = Object.values(result.metafile?.outputs ?? {});
    expect(outputs).toHaveLength(1);
    const bytes = outputs[0]?.bytes ?? Infinity;
    expect(bytes).toBeLessThan(BUDGET_BYTES);
    // Only the functions that read feeds carry the iCalendar parser: the request path reads stored busy time.
    const parsesFeeds = Object.keys(result.metafile?.inputs ?? {}).some((input) => input.includes('node_modules/ical.js/'));
    expect(parsesFeeds).toBe('fetchesCalendars' in spec && spec.fetchesCalendars === true);
    const code = result.outputFiles?.[0]?.text ?? '';
    expect(code).toMatch(/^import\{createRequire as __cr\}from'node:module'/);
    expect(code).toContain('export{');
  });
});
