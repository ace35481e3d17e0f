import { randomUUID } from 'node:crypto';
import { DeleteTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { localDynamoClient } from '../../local/dynamodb-local';
import { ensureTable } from '../../local/ensure-table';
import { createDocumentClient, type Table } from '../../shared/data/table';

export interface TestTable extends Table {
  client: DynamoDBClient;
  /** DynamoDB commands sent through this table since the last reset, by name (e.g. `QueryCommand`). */
  calls: string[];
  drop(): Promise<void>;
}

/**
 * A fresh table, made from THE table definition, in the run's DynamoDB Local. Every command sent
 * through it is counted by an SDK middleware, so tests can hold requests to their round-trip budget.
 */
export async function createTestTable(): Promise<TestTable> {
  const client = localDynamoClient(inject('dynamoEndpoint'));
  const calls: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      calls.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'countCalls' },
  );
  const name = `rapport-test-${randomUUID()}`;
  await ensureTable(client, name);
  calls.length = 0;
  return {
    db: createDocumentClient(client),
    name,
    client,
    calls,
    async drop() {
      await client.send(new DeleteTableCommand({ TableName: name }));
      client.destroy();
    },
  };
}
