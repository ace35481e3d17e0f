import { bundleSizes } from './bundles';
import { edgeOverhead } from './edge';
import { report } from './harness';

/** `npm run bench`: the numbers we hold the code to. Run on a quiet machine. */
process.env.POWERTOOLS_LOG_LEVEL ??= 'SILENT';
report('HTTP edge (in-process)', await edgeOverhead());
await bundleSizes();
