import { AsyncLocalStorage } from 'node:async_hooks';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record } from '@aws-sdk/client-dynamodb-streams';
import { localDynamoClient } from './dynamodb-local';

export type StreamRecord = _Record;

/**
 * Reads DynamoDB Local's stream of the table and hands new records to a consumer, as Lambda's
 * event source mapping does in AWS. `drain()` waits until everything written so far was handed
 * over, which lets the local clock finish one schedule's work before it fires the next.
 */
export class LocalStreamPoller {
  private readonly streams: DynamoDBStreamsClient;
  private streamArn: string | undefined;
  private readonly iterators = new Map<string, string | undefined>();
  /** The last record handed over per shard: where a fresh iterator resumes when the old one fails. */
  private readonly lastSequence = new Map<string, string>();
  private running: Promise<number> = Promise.resolve(0);
  private timer: NodeJS.Timeout | undefined;
  /** Set inside `exclusive` work, whose own drains run rounds directly (the chain is theirs). */
  private readonly insideExclusive = new AsyncLocalStorage<true>();

  constructor(
    private readonly endpoint: string,
    private readonly tableName: string,
    private readonly deliver: (records: StreamRecord[]) => Promise<void>,
  ) {
    this.streams = new DynamoDBStreamsClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  }

  start(intervalMs = 50): void {
    const tick = () => {
      void this.pollOnce()
        .catch((error: unknown) => console.error('Local stream poller:', error))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, intervalMs);
  }

  /** Stops polling once the round under way, if any, has finished (it may still be delivering). */
  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
    this.streams.destroy();
  }

  /** Polls until a round brings nothing new. */
  async drain(): Promise<void> {
    const poll = this.insideExclusive.getStore() ? () => this.round() : () => this.pollOnce();
    for (let round = 0; round < 100; round++) {
      if ((await poll()) === 0) return;
    }
  }

  /** Runs `work` while no other round is running or can start; `drain()` inside it still works. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = () => this.insideExclusive.run(true, work);
    const result = this.running.then(run, run);
    this.running = result.then(
      () => 0,
      () => 0,
    );
    return result;
  }

  /** One round over every shard; rounds never overlap. Returns how many records were delivered. */
  pollOnce(): Promise<number> {
    const round = this.running.then(() => this.round(), () => this.round());
    this.running = round.catch(() => 0);
    return round;
  }

  private async round(): Promise<number> {
    const arn = await this.arn();
    const { StreamDescription } = await this.streams.send(new DescribeStreamCommand({ StreamArn: arn }));
    let delivered = 0;
    for (const shard of StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId;
      if (!shardId) continue;
      if (!this.iterators.has(shardId)) this.iterators.set(shardId, await this.iteratorFor(arn, shardId));
      const iterator = this.iterators.get(shardId);
      if (!iterator) continue; // a closed shard, read to its end
      const { Records, NextShardIterator } = await this.readShard(arn, shardId, iterator);
      this.iterators.set(shardId, NextShardIterator);
      if (Records && Records.length > 0) {
        await this.deliver(Records);
        const last = Records.at(-1)?.dynamodb?.SequenceNumber;
        if (last) this.lastSequence.set(shardId, last);
        delivered += Records.length;
      }
    }
    return delivered;
  }

  /**
   * DynamoDB Local sometimes refuses a valid iterator with TrimmedDataAccessException, notably on
   * the first write after an iterator was taken on an empty shard (aws/aws-sdk-java#2923), and
   * more often when several tables are busy at once. Nothing was trimmed: a fresh iterator after
   * the last record handed over reads on without losing or repeating one. An iterator that
   * expired is renewed the same way.
   */
  private async readShard(arn: string, shardId: string, iterator: string) {
    try {
      return await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator }));
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name !== 'TrimmedDataAccessException' && name !== 'ExpiredIteratorException') throw error;
      const fresh = await this.iteratorFor(arn, shardId);
      if (!fresh) return { Records: [], NextShardIterator: undefined };
      return this.streams.send(new GetRecordsCommand({ ShardIterator: fresh }));
    }
  }

  private async iteratorFor(arn: string, shardId: string): Promise<string | undefined> {
    const after = this.lastSequence.get(shardId);
    const { ShardIterator } = await this.streams.send(
      new GetShardIteratorCommand(
        after
          ? { StreamArn: arn, ShardId: shardId, ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { StreamArn: arn, ShardId: shardId, ShardIteratorType: 'TRIM_HORIZON' },
      ),
    );
    return ShardIterator;
  }

  private async arn(): Promise<string> {
    if (!this.streamArn) {
      const client = localDynamoClient(this.endpoint);
      try {
        const { Table } = await client.send(new DescribeTableCommand({ TableName: this.tableName }));
        this.streamArn = Table?.LatestStreamArn;
      } finally {
        client.destroy();
      }
      if (!this.streamArn) throw new Error(`Table ${this.tableName} has no stream`);
    }
    return this.streamArn;
  }
}
