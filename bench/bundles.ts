import { build } from 'esbuild';
import { esbuildOptions } from '../lib/bundling';
import { apiFunctions } from '../shared/http/routes';

/** Bundle size per Lambda, built exactly as CDK builds them: the main driver of cold-start time. */
export async function bundleSizes(): Promise<void> {
  console.log('\nLambda bundles (minified ESM, AWS SDK included)');
  for (const [name, spec] of Object.entries(apiFunctions)) {
    const result = await build({ ...esbuildOptions, entryPoints: [spec.entry], outdir: 'cdk.out/bench' });
    const bytes = Object.values(result.metafile?.outputs ?? {})[0]?.bytes ?? 0;
    console.log(`  ${name.padEnd(20)} ${(bytes / 1024).toFixed(1).padStart(8)} KB`);
  }
}
