import { availabilityEngine } from './availability';
import { bundleSizes } from './bundles';
import { calendarFeed } from './calendar';
import { edgeOverhead } from './edge';
import { report } from './harness';

/** `npm run bench`: the numbers we hold the code to. Run on a quiet machine. */
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
report('Availability engine (budget: 5 ms median)', await availabilityEngine());
report('HTTP edge (in-process)', await edgeOverhead());
report('Calendar feed, read at connect and refresh (budget: 2 s of CPU)', await calendarFeed());
await bundleSizes();
