import type { BuildOptions } from 'esbuild';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * How every Lambda is bundled, in one place: CDK uses `lambdaBundling`, and the bundle-size test and
 * benchmark build with `esbuildOptions`, the same settings expressed for esbuild directly.
 *
 * Minified and tree-shaken; the AWS SDK is bundled too, so what runs is the version we tested (and
 * only the commands we import). `mainFields` prefers packages' ESM builds whatever the output
 * format, because esbuild can only tree-shake ES modules.
 */
export type LambdaFormat = 'esm' | 'cjs';

/**
 * CommonJS, chosen by measurement (`npm run bench -- cold esm cjs`): the same code loads in less CPU
 * than as an ES module, whose every `node:` import gets a facade module built at load (the baseline
 * 48 vs 57 ms). The output is `index.js` with no package.json beside it, so Lambda loads it as
 * CommonJS whatever this project's `"type": "module"` says; the local stack runs the TypeScript.
 */
export const LAMBDA_FORMAT = 'cjs' as LambdaFormat;

/** ESM output needs a `require` for the SDK's CommonJS parts. */
const ESM_REQUIRE_BANNER = "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);";

export const NODE_TARGET = 'node22';

export const lambdaBundling: BundlingOptions = {
  format: LAMBDA_FORMAT === 'esm' ? OutputFormat.ESM : OutputFormat.CJS,
  target: NODE_TARGET,
  minify: true,
  sourceMap: false,
  bundleAwsSDK: true,
  mainFields: ['module', 'main'],
  banner: LAMBDA_FORMAT === 'esm' ? ESM_REQUIRE_BANNER : undefined,
  logLevel: undefined,
};

/** The same settings for esbuild; `format` other than LAMBDA_FORMAT only to measure the alternative. */
export function esbuildOptionsFor(format: LambdaFormat): BuildOptions {
  return {
    bundle: true,
    platform: 'node',
    format,
    target: NODE_TARGET,
    minify: true,
    treeShaking: true,
    mainFields: ['module', 'main'],
    ...(format === 'esm' ? { banner: { js: ESM_REQUIRE_BANNER } } : {}),
    write: false,
    metafile: true,
  };
}

export const esbuildOptions: BuildOptions = esbuildOptionsFor(LAMBDA_FORMAT);
