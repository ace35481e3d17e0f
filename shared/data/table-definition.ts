import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The one description of Rapport's single table. CDK creates the deployed table from it and the
 * local stack and tests create DynamoDB Local tables from it, so the two cannot drift apart.
 */
export const tableDefinition = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Epoch seconds; DynamoDB deletes items past it (old time locks, spent invites). */
  ttlAttribute: 'ttl',
  /**
   * New items reach a stream: outbox entries are relayed from it right after their transaction
   * commits, so a request never waits on SES or Scheduler (the outbox relay Lambda, and the
   * local stack's stream poller, read it).
   */
  stream: 'NEW_IMAGE',
  indexes: [
    /**
     * `byCollection`: items that must be listed across partitions and read whole from the index —
     * the programs of an org, an org's sessions and intro calls. Key builders live in `keys.ts`.
     */
    { name: 'byCollection', partitionKey: 'gsi1pk', sortKey: 'gsi1sk', projection: 'ALL' },
    /**
     * `byOutbox`: unfinished outbox entries by when they are next due (and the failed ones). Only
     * keys are projected: the sweeper leases each entry by its key and gets the entry from that
     * write, so an entry's every lease, mark and back-off costs the index a key-sized write, not a
     * copy of the entry.
     */
    { name: 'byOutbox', partitionKey: 'gsi2pk', sortKey: 'gsi2sk', projection: 'KEYS_ONLY' },
  ],
} as const;

export type IndexName = (typeof tableDefinition.indexes)[number]['name'];

export function createTableInput(tableName: string): CreateTableCommandInput {
  const attributes = new Set<string>([tableDefinition.partitionKey, tableDefinition.sortKey]);
  for (const index of tableDefinition.indexes) {
    attributes.add(index.partitionKey);
    attributes.add(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    StreamSpecification: { StreamEnabled: true, StreamViewType: tableDefinition.stream },
    AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: tableDefinition.indexes.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: index.projection },
    })),
  };
}
