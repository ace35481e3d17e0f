import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/errors';
import { WriteTransaction } from '../../shared/data/write-transaction';
import { createTestTable, type TestTable } from '../support/dynamo';

let table: TestTable;
beforeAll(async () => {
  table = await createTestTable();
});
afterAll(() => table.drop());

// DynamoDB's 400 KB per item: beyond it, what someone wrote is too large to keep, a 413 and not a 500.
const tooLarge = { pk: 'ORG#o#PROG#p', sk: 'RESPONSE#a', answers: '答'.repeat(140_000) };

describe('a record larger than DynamoDB holds', () => {
  it('is refused as 413 payload_too_large, alone or in a transaction, and nothing is written', async () => {
    const alone = table.db.send(new PutCommand({ TableName: table.name, Item: tooLarge }));
    await expect(alone).rejects.toMatchObject({ status: 413, code: 'payload_too_large' });
    await expect(alone).rejects.toBeInstanceOf(AppError);

    const together = new WriteTransaction(table)
      .add({ Put: { TableName: table.name, Item: { pk: 'ORG#o#PROG#p', sk: 'COUNTER' } } })
      .add({ Put: { TableName: table.name, Item: tooLarge } });
    await expect(together.commit()).rejects.toMatchObject({ status: 413, code: 'payload_too_large' });

    const counter = await table.db.send(new GetCommand({ TableName: table.name, Key: { pk: 'ORG#o#PROG#p', sk: 'COUNTER' }, ConsistentRead: true }));
    expect(counter.Item).toBeUndefined();
  });

  it('leaves other refusals as they were', async () => {
    const bad = table.db.send(new PutCommand({ TableName: table.name, Item: { pk: 'only-a-partition-key' } }));
    await expect(bad).rejects.toMatchObject({ name: 'ValidationException' });
  });
});
