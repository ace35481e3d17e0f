import { performance } from 'node:perf_hooks';

export interface Measurement {
  name: string;
  runs: number;
  medianMs: number;
  p95Ms: number;
}

/**
 * Runs `fn` after a warm-up and reports the median and 95th percentile of many runs. Medians of
 * many runs on a quiet machine, not single timings: that is what the numbers in issues refer to.
 */
export async function measure(name: string, fn: () => unknown, options: { runs?: number; warmup?: number } = {}): Promise<Measurement> {
  const runs = options.runs ?? 200;
  for (let i = 0; i < (options.warmup ?? 20); i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  const at = (q: number) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))] ?? NaN;
  return { name, runs, medianMs: at(0.5), p95Ms: at(0.95) };
}

export function report(title: string, rows: Measurement[]): void {
  console.log(`\n${title}`);
  for (const row of rows) {
    console.log(`  ${row.name.padEnd(58)} median ${row.medianMs.toFixed(3).padStart(8)} ms   p95 ${row.p95Ms.toFixed(3).padStart(8)} ms   (${row.runs} runs)`);
  }
}
