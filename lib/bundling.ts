import type { BuildOptions } from 'esbuild';
import { OutputFormat, type BundlingOptions } from 'aws-cdk-lib/aws-lambda-nodejs';

/**
 * How every Lambda is bundled, in one place: CDK uses `lambdaBundling`, and the bundle-size test and
 * benchmark build with `esbuildOptions`, the same settings expressed for esbuild directly.
 *
 * ESM, minified and tree-shaken; the AWS SDK is bundled too, so what runs is the version we tested
 * (and only the commands we import). ESM needs a `require` for the SDK's CommonJS parts.
 */
const REQUIRE_BANNER = "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);";

export const NODE_TARGET = 'node22';

export const lambdaBundling: BundlingOptions = {
  format: OutputFormat.ESM,
  target: NODE_TARGET,
  minify: true,
  sourceMap: false,
  bundleAwsSDK: true,
  mainFields: ['module', 'main'],
  banner: REQUIRE_BANNER,
  logLevel: undefined,
};

export const esbuildOptions: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: NODE_TARGET,
  minify: true,
  treeShaking: true,
  mainFields: ['module', 'main'],
  banner: { js: REQUIRE_BANNER },
  write: false,
  metafile: true,
};
