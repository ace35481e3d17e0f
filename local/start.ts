import { join } from 'node:path';
import { PortInUseError, PROJECT_ROOT, startLocalStack } from './stack';

/** `npm start`: the whole system on this machine, data kept in `.data/`. */
// This machine may run Node 20 while Lambda runs 22; the SDK's reminder of that is noise here.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const port = Number(process.env.PORT ?? 3000);
const dataDir = join(PROJECT_ROOT, '.data');
const quiet = process.env.QUIET === '1';

try {
  const stack = await startLocalStack({
    port,
    dbPath: join(dataDir, 'dynamodb'),
    tableName: process.env.TABLE_NAME ?? 'rapport-local',
    keyFile: join(dataDir, 'local-issuer-key.json'),
    log: quiet ? undefined : (line) => console.log(line),
  });
  console.log(`
Rapport is running at ${stack.url}

  Health:     curl ${stack.url}/health
  A token:    curl -s -X POST ${stack.url}/_local/token -H 'content-type: application/json' -d '{"email":"coach@example.com"}'
              then send it as: -H "authorization: Bearer <token>"
  API docs:   ${stack.url}/docs  (Authorize with a token, then "Try it out")
  Emails:     ${stack.url}/_local/outbox        Schedules: ${stack.url}/_local/schedules
  Clock:      ${stack.url}/_local/clock  (POST {"advanceMinutes": 60} fires what falls due)

Data is kept in .data/ (delete it for a clean start). Ctrl-C stops everything.
`);
  let stopping = false;
  const shutdown = async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping…');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
} catch (error) {
  console.error(error instanceof PortInUseError ? `\n${error.message}\n` : error);
  process.exit(1);
}
