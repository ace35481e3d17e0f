import { pathToFileURL } from 'node:url';
import { clock, outboxRepository } from '../shared/runtime/deps';
import { listFailedEntries, retryFailedEntries } from '../shared/use-cases/outbox/failed-entries';

/**
 * `npm run outbox:failed` lists the outbox entries that used up their attempts (TABLE_NAME names
 * the table; AWS credentials and region as for any SDK call).
 * `npm run outbox:failed -- --retry <pk> <entryId>` retries one; `-- --retry-all` retries every one.
 * Retrying is safe: sent emails and done schedule changes are marked and not repeated.
 */
async function main(argv: string[]): Promise<void> {
  const deps = { outbox: outboxRepository(), clock: clock() };
  if (argv[0] === '--retry-all') return console.log(await retryFailedEntries(deps, 'all'));
  if (argv[0] === '--retry') {
    const [pk, entryId] = argv.slice(1);
    if (!pk || !entryId) {
      console.error('Usage: npm run outbox:failed -- --retry <pk> <entryId>');
      process.exit(2);
    }
    return console.log(await retryFailedEntries(deps, { pk, entryId }));
  }
  const failed = await listFailedEntries(deps);
  for (const entry of failed) console.log(JSON.stringify(entry));
  console.log(`${failed.length} failed outbox entr${failed.length === 1 ? 'y' : 'ies'}.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main(process.argv.slice(2));
}
