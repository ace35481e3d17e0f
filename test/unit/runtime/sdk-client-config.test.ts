import { ListTablesCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sdkClientConfig } from '../../../shared/runtime/sdk-client-config';

/** An endpoint that accepts connections and never answers: what a hung AWS call looks like. */
const silent = createServer(() => undefined);
let endpoint = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  const address = silent.address();
  endpoint = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(() => {
  silent.closeAllConnections();
  silent.close();
});

describe('AWS SDK clients', () => {
  it('give up on a hung request, retries included, well within the API functions’ 10-second timeout', async () => {
    const saved = process.env.SDK_REQUEST_TIMEOUT_MS;
    delete process.env.SDK_REQUEST_TIMEOUT_MS;
    const config = sdkClientConfig();
    if (saved !== undefined) process.env.SDK_REQUEST_TIMEOUT_MS = saved;
    expect(config.maxAttempts * config.requestHandler.requestTimeout).toBeLessThanOrEqual(5_000);

    // The same settings with a short timeout, so the test does not wait five seconds.
    const quick = sdkClientConfig(300);
    const client = new DynamoDBClient({ ...(saved === undefined ? quick : { ...quick, requestHandler: { ...quick.requestHandler, requestTimeout: 300 } }), endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const started = performance.now();
    const error = await client.send(new ListTablesCommand({})).catch((e: unknown) => e);
    const elapsed = performance.now() - started;
    client.destroy();
    expect(error).toBeInstanceOf(Error);
    expect(elapsed).toBeGreaterThan(300);
    expect(elapsed).toBeLessThan(3_000);
  });
});
