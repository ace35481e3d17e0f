import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { esbuildOptionsFor, LAMBDA_FORMAT, type LambdaFormat } from '../lib/bundling';
import { apiFunctions } from '../shared/http/routes';
import { scheduledFunctions } from '../shared/runtime/scheduled-functions';

/**
 * Cold-start cost of each Lambda as a RATIO to a baseline bundle built with the same settings that
 * does the least a DynamoDB-backed Lambda can: import the document client and send one GetCommand.
 * A ratio survives a noisy, shared machine where absolute milliseconds do not: every bundle is
 * loaded in a whole fresh Node process (bench/probes, one per format, loading it as the Lambda
 * runtime does) and the figure is the CPU time (user + system) the load takes, not wall time.
 * Each round loads every bundle once and the baseline three times, all in a shuffled order; a
 * function's ratio is the median over rounds of its time over that round's baseline (the median of
 * its three), so a load that drifts between rounds cancels out.
 */
export const COLD_START_BUDGET = 1.2;
const BASELINE_LOADS_PER_ROUND = 3;

const OUT = resolve('cdk.out/bench-cold');
const BASELINE_SOURCE = `
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async (event) => client.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { pk: event.pk, sk: event.sk } }));
`;

const PROBES: Record<LambdaFormat, string> = { esm: resolve('bench/probes/import-esm.mjs'), cjs: resolve('bench/probes/import-cjs.cjs') };
/** The extension that makes Node load a file in that format whatever package.json says. */
const EXTENSION: Record<LambdaFormat, string> = { esm: 'mjs', cjs: 'cjs' };

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

interface Bundle {
  name: string;
  format: LambdaFormat;
  file: string;
  bytes: number;
}

async function bundle(name: string, entry: string, format: LambdaFormat): Promise<Bundle> {
  const file = resolve(OUT, format, `${name}.${EXTENSION[format]}`);
  const result = await build({ ...esbuildOptionsFor(format), entryPoints: [entry], outfile: file, write: true });
  const bytes = Object.values(result.metafile?.outputs ?? {})[0]?.bytes ?? 0;
  return { name, format, file, bytes };
}

function loadCpuMicros(bundle: Bundle): number {
  const run = spawnSync(process.execPath, [PROBES[bundle.format], bundle.file], { env: lambdaEnv, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`loading ${bundle.file} failed: ${run.stderr}`);
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

export interface ColdStartTable {
  format: LambdaFormat;
  rounds: number;
  rows: ColdStartRow[];
}

/**
 * One table per format asked for (the deployed one by default), all measured in the same shuffled
 * rounds, so two formats' absolute times can be compared too. `only` names the functions to
 * measure (all by default): a subset runs faster while working on them, against the same baseline.
 */
export async function coldStarts(options: { formats?: LambdaFormat[]; rounds?: number; only?: string[] } = {}): Promise<ColdStartTable[]> {
  const formats = options.formats ?? [LAMBDA_FORMAT];
  const rounds = options.rounds ?? Number(process.env.COLD_START_ROUNDS ?? 30);
  mkdirSync(OUT, { recursive: true });
  const baselineEntry = resolve(OUT, 'baseline-entry.js');
  writeFileSync(baselineEntry, BASELINE_SOURCE);
  const all = { ...apiFunctions, ...scheduledFunctions } as Record<string, { entry: string }>;
  const unknown = options.only?.filter((name) => !(name in all)) ?? [];
  if (unknown.length) throw new Error(`no such function: ${unknown.join(', ')}`);
  const functions = Object.entries(all)
    .filter(([name]) => !options.only?.length || options.only.includes(name))
    .map(([name, spec]) => ({ name, entry: spec.entry }));
  const bundles = (
    await Promise.all(formats.map((format) => Promise.all([{ name: 'baseline', entry: baselineEntry }, ...functions].map((f) => bundle(f.name, f.entry, format)))))
  ).flat();

  const samples = new Map(bundles.map((b) => [b, [] as number[]]));
  const ratios = new Map(bundles.map((b) => [b, [] as number[]]));
  for (let round = 0; round < rounds; round++) {
    const order = shuffle(bundles.flatMap((b) => (b.name === 'baseline' ? Array<Bundle>(BASELINE_LOADS_PER_ROUND).fill(b) : [b])));
    const thisRound = new Map<Bundle, number[]>();
    for (const b of order) {
      const micros = loadCpuMicros(b);
      samples.get(b)!.push(micros);
      thisRound.set(b, [...(thisRound.get(b) ?? []), micros]);
    }
    for (const format of formats) {
      const base = median(thisRound.get(bundles.find((b) => b.format === format && b.name === 'baseline')!)!);
      for (const b of bundles) if (b.format === format) ratios.get(b)!.push(median(thisRound.get(b)!) / base);
    }
  }
  return formats.map((format) => {
    const rows = bundles
      .filter((b) => b.format === format)
      .map((b) => ({ name: b.name, kb: b.bytes / 1024, medianMs: median(samples.get(b)!) / 1000, ratio: median(ratios.get(b)!) }));
    return { format, rounds, rows };
  });
}

/** Prints the table; false when a function is over budget. */
export function printColdStarts(table: ColdStartTable): boolean {
  console.log(
    `\nCold start (${table.format.toUpperCase()} bundles): CPU time to load each bundle in a fresh process, medians of ${table.rounds} shuffled rounds;` +
      `\nratio to a baseline built the same way (DynamoDB document client + one GetCommand), round by round; budget ${COLD_START_BUDGET}×`,
  );
  console.log(`  ${'function'.padEnd(18)} ${'bundle'.padStart(9)} ${'cold CPU'.padStart(9)} ${'ratio'.padStart(6)} ${'budget'.padStart(6)}  result`);
  let ok = true;
  for (const row of table.rows) {
    const baseline = row.name === 'baseline';
    const pass = baseline || row.ratio <= COLD_START_BUDGET;
    ok &&= pass;
    console.log(
      `  ${row.name.padEnd(18)} ${row.kb.toFixed(1).padStart(6)} KB ${row.medianMs.toFixed(1).padStart(6)} ms ${row.ratio.toFixed(2).padStart(5)}× ` +
        `${baseline ? '' : `${COLD_START_BUDGET.toFixed(1)}×`.padStart(6)}  ${baseline ? '' : pass ? 'pass' : 'FAIL'}`,
    );
  }
  return ok;
}
