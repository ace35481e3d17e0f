import { build } from 'esbuild';
import { esbuildOptions, LAMBDA_FORMAT } from '../lib/bundling';
import { apiFunctions } from '../shared/http/routes';
import { scheduledFunctions } from '../shared/runtime/scheduled-functions';

/** Bundle size per Lambda, built exactly as CDK builds them: the main driver of cold-start time. */
export async function bundleSizes(): Promise<void> {
  console.log(`\nLambda bundles (minified ${LAMBDA_FORMAT.toUpperCase()}, AWS SDK included)`);
  for (const [name, spec] of [...Object.entries(apiFunctions), ...Object.entries(scheduledFunctions)]) {
    const result = await build({ ...esbuildOptions, entryPoints: [spec.entry], outdir: 'cdk.out/bench' });
    const bytes = Object.values(result.metafile?.outputs ?? {})[0]?.bytes ?? 0;
    console.log(`  ${name.padEnd(20)} ${(bytes / 1024).toFixed(1).padStart(8)} KB`);
  }
}
