import { pathToFileURL } from 'node:url';
import { clock, outboxRepository } from '../shared/runtime/deps';
import { listFailedEntries, retryFailedEntries } from '../shared/use-cases/outbox/failed-entries';

/**
 * `npm run outbox:failed` lists the outbox entries that used up their attempts (TABLE_NAME names
 * the table; AWS credentials and region as for any SDK call).
 * `npm run outbox:failed -- --retry <pk> <entryId>` retries one; `-- --retry-all` retries every one.
 * Retrying is safe: sent emails and done schedule changes are marked and not repeated.
 */
export const usage = [
  'Usage: npm run outbox:failed                            list the outbox entries set aside after their last attempt',
  '       npm run outbox:failed -- --retry <pk> <entryId>  put one back in line (pk and entryId as listed)',
  '       npm run outbox:failed -- --retry-all             put every one back in line',
  '       npm run outbox:failed -- --help                  show this',
].join('\n');

export type Command = { run: 'list' } | { run: 'retry'; pk: string; entryId: string } | { run: 'retry-all' } | { run: 'help' } | { run: 'misused'; why: string };

/**
 * What the operator asked for. Anything the command does not know is refused rather than read as
 * a plain listing, so a mistyped `--retry-al` cannot pass for "nothing failed".
 */
export function commandOf(argv: readonly string[]): Command {
  const [first, ...rest] = argv;
  if (first === undefined) return { run: 'list' };
  if (first === '--help' || first === '-h') return rest.length === 0 ? { run: 'help' } : { run: 'misused', why: `--help takes no arguments (got ${rest.join(' ')}).` };
  if (first === '--retry-all') return rest.length === 0 ? { run: 'retry-all' } : { run: 'misused', why: `--retry-all takes no arguments (got ${rest.join(' ')}).` };
  if (first === '--retry') {
    const [pk, entryId, ...extra] = rest;
    if (!pk || !entryId || pk.startsWith('-') || entryId.startsWith('-')) return { run: 'misused', why: '--retry needs the pk and the entryId of one failed entry.' };
    if (extra.length > 0) return { run: 'misused', why: `--retry takes one pk and one entryId (got also ${extra.join(' ')}).` };
    return { run: 'retry', pk, entryId };
  }
  return { run: 'misused', why: `Unknown ${first.startsWith('-') ? 'option' : 'argument'}: ${first}` };
}

/** Runs the command; the answer is the exit code (2: misused, as is usual for command-line tools). */
async function main(argv: string[]): Promise<number> {
  const command = commandOf(argv);
  if (command.run === 'help') {
    console.log(usage);
    return 0;
  }
  if (command.run === 'misused') {
    console.error(`${command.why}\n${usage}`);
    return 2;
  }
  const deps = { outbox: outboxRepository(), clock: clock() };
  if (command.run === 'retry-all') console.log(await retryFailedEntries(deps, 'all'));
  else if (command.run === 'retry') console.log(await retryFailedEntries(deps, { pk: command.pk, entryId: command.entryId }));
  else {
    const failed = await listFailedEntries(deps);
    for (const entry of failed) console.log(JSON.stringify(entry));
    console.log(`${failed.length} failed outbox entr${failed.length === 1 ? 'y' : 'ies'}.`);
  }
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
