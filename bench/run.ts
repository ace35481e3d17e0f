import './quiet';
import { availabilityEngine } from './availability';
import { bookingLifeWrites, printBookingWrites } from './booking-writes';
import { bundleSizes } from './bundles';
import { calendarFeed } from './calendar';
import { coldStarts, COLD_START_BUDGET, printColdStarts } from './cold-start';
import { edgeOverhead } from './edge';
import { report } from './harness';
import { outcomesWork } from './outcomes';

/**
 * `npm run bench`: the numbers we hold the code to. Run on a quiet machine.
 * `npm run bench -- cold` runs only the cold-start table (COLD_START_ROUNDS, default 30);
 * `npm run bench -- writes` only the write units of a booking's life.
 */
const only = process.argv[2];
if (only === 'writes') {
  if (!printBookingWrites(await bookingLifeWrites())) process.exitCode = 1;
  process.exit();
}
if (only !== 'cold') {
  report('Availability engine (budget: 5 ms median)', await availabilityEngine());
  report('HTTP edge (in-process)', await edgeOverhead());
  report('Outcomes (pure work per request)', await outcomesWork());
  report('Calendar feed, read at connect and refresh (budget: 2 s of CPU)', await calendarFeed());
  await bundleSizes();
  if (!printBookingWrites(await bookingLifeWrites())) process.exitCode = 1;
}
const withinBudget = printColdStarts(
  `Cold start: import CPU time vs. a baseline (DynamoDB document client + one GetCommand), budget ${COLD_START_BUDGET}×`,
  await coldStarts({ format: 'esm' }),
);
if (!withinBudget) process.exitCode = 1;
