import './quiet';
import { availabilityEngine } from './availability';
import { bookingLifeWrites, printBookingWrites } from './booking-writes';
import { bundleSizes } from './bundles';
import { calendarFeed, hostileFeedStall } from './calendar';
import { coldStarts, printColdStarts } from './cold-start';
import { LAMBDA_FORMAT, type LambdaFormat } from '../lib/bundling';
import { edgeOverhead } from './edge';
import { report } from './harness';
import { outcomesWork } from './outcomes';

/**
 * `npm run bench`: the numbers we hold the code to. Run on a quiet machine.
 * `npm run bench -- cold` runs only the cold-start table (COLD_START_ROUNDS, default 30);
 * `npm run bench -- cold esm cjs` measures both output formats in the same rounds, to choose one;
 * `npm run bench -- cold bookings calendar` measures only those functions (with the baseline);
 * `npm run bench -- writes` only the write units of a booking's life.
 * Exits 1 when a function of the deployed format is over its cold-start budget.
 */
const [only, ...coldArgs] = process.argv.slice(2);
const formatArgs = coldArgs.filter((a): a is LambdaFormat => a === 'esm' || a === 'cjs');
const functionArgs = coldArgs.filter((a) => a !== 'esm' && a !== 'cjs');
if (only === 'writes') {
  if (!printBookingWrites(await bookingLifeWrites())) process.exitCode = 1;
  process.exit();
}
if (only !== 'cold') {
  report('Availability engine (budget: 5 ms median)', await availabilityEngine());
  report('HTTP edge (in-process)', await edgeOverhead());
  report('Outcomes (pure work per request)', await outcomesWork());
  report('Calendar feed, read at connect and refresh (budget: 2 s of CPU)', [...(await calendarFeed()), await hostileFeedStall()]);
  await bundleSizes();
  if (!printBookingWrites(await bookingLifeWrites())) process.exitCode = 1;
}
const formats = formatArgs.length ? formatArgs : [LAMBDA_FORMAT];
const tables = await coldStarts({ formats, only: functionArgs });
let withinBudget = true;
for (const table of tables) {
  const ok = printColdStarts(table);
  if (table.format === LAMBDA_FORMAT) withinBudget = ok;
}
if (tables.length > 1) {
  const baselines = tables.map((t) => `${t.format.toUpperCase()} ${t.rows[0]!.medianMs.toFixed(1)} ms`).join(', ');
  console.log(`\nBaseline by format (same rounds): ${baselines}; deployed: ${LAMBDA_FORMAT.toUpperCase()}`);
}
if (!withinBudget) process.exitCode = 1;
