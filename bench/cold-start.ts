import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build, type BuildOptions } from 'esbuild';
import { esbuildOptions } from '../lib/bundling';
import { apiFunctions } from '../shared/http/routes';
import { scheduledFunctions } from '../shared/runtime/scheduled-functions';

/**
 * Cold-start cost of each Lambda as a RATIO to a baseline bundle built with the same settings that
 * does the least a DynamoDB-backed Lambda can: import the document client and send one GetCommand.
 * A ratio survives a noisy, shared machine where absolute milliseconds do not: every bundle is
 * imported in a whole fresh Node process, rounds interleave all bundles in a shuffled order, and
 * the figure is the CPU time (user + system) the import takes, not wall time.
 */
export const COLD_START_BUDGET = 1.2;

const OUT = resolve('cdk.out/bench-cold');
const BASELINE_SOURCE = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: event.pk, sk: event.sk } }));
`;

/** What the handlers read from the environment at load; values are never used for a real call. */
const lambdaEnv = {
  ...process.env,
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  TABLE_NAME: 'bench',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

/** Runs in the fresh process: CPU microseconds spent importing the bundle, printed as one number. */
const PROBE = `
const file = process.argv[1];
const before = process.cpuUsage();
const mod = file.endsWith('.cjs') ? require(file) : await import(file);
const used = process.cpuUsage(before);
if (typeof mod.handler !== 'function') throw new Error('no handler in ' + file);
process.stdout.write(String(used.user + used.system));
`;

type Format = 'esm' | 'cjs';

async function bundle(name: string, entry: { entryPoints?: string[]; stdin?: BuildOptions['stdin'] }, format: Format): Promise<{ file: string; bytes: number }> {
  const options: BuildOptions =
    format === 'esm' ? { ...esbuildOptions } : { ...esbuildOptions, format: 'cjs', banner: undefined, mainFields: ['module', 'main'] };
  const file = resolve(OUT, `${name}.${format === 'esm' ? 'mjs' : 'cjs'}`);
  const result = await build({ ...options, ...entry, outfile: file, write: true });
  const bytes = Object.values(result.metafile?.outputs ?? {})[0]?.bytes ?? 0;
  return { file, bytes };
}

function importCpuMicros(file: string): number {
  const probe = file.endsWith('.cjs') ? PROBE.replace('await import(file)', 'null') : PROBE;
  const args = file.endsWith('.cjs') ? ['-e', `(async()=>{${probe}})()`, file] : ['--input-type=module', '-e', probe, file];
  const run = spawnSync(process.execPath, args, { env: lambdaEnv, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`importing ${file} failed: ${run.stderr}`);
  return Number(run.stdout);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function shuffle<T>(items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

export interface ColdStartRow {
  name: string;
  kb: number;
  medianMs: number;
  ratio: number;
}

export async function coldStarts(options: { format?: Format; rounds?: number } = {}): Promise<ColdStartRow[]> {
  const format = options.format ?? 'esm';
  const rounds = options.rounds ?? Number(process.env.COLD_START_ROUNDS ?? 30);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(resolve(OUT, 'baseline-entry.js'), BASELINE_SOURCE);
  const entries = [
    { name: 'baseline', ...(await bundle('baseline', { entryPoints: [resolve(OUT, 'baseline-entry.js')] }, format)) },
    ...(await Promise.all(
      Object.entries({ ...apiFunctions, ...scheduledFunctions }).map(async ([name, spec]) => ({ name, ...(await bundle(name, { entryPoints: [spec.entry] }, format)) })),
    )),
  ];
  const samples = new Map(entries.map((e) => [e.name, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    for (const entry of shuffle(entries)) samples.get(entry.name)!.push(importCpuMicros(entry.file));
  }
  const base = median(samples.get('baseline')!);
  return entries.map((e) => {
    const m = median(samples.get(e.name)!);
    return { name: e.name, kb: e.bytes / 1024, medianMs: m / 1000, ratio: m / base };
  });
}

export function printColdStarts(title: string, rows: ColdStartRow[]): boolean {
  console.log(`\n${title}`);
  console.log(`  ${'function'.padEnd(20)} ${'bundle'.padStart(9)} ${'import CPU'.padStart(11)} ${'ratio'.padStart(7)}`);
  let ok = true;
  for (const row of rows) {
    const over = row.name !== 'baseline' && row.ratio > COLD_START_BUDGET;
    ok &&= !over;
    console.log(
      `  ${row.name.padEnd(20)} ${row.kb.toFixed(1).padStart(6)} KB ${row.medianMs.toFixed(1).padStart(8)} ms ${row.ratio.toFixed(2).padStart(6)}×${over ? `  over the ${COLD_START_BUDGET}× budget` : ''}`,
    );
  }
  return ok;
}
